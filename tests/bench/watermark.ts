/**
 * Watermarked downloads: how fast the API stamps a large PDF for a reader outside the owner
 * organization, and how much its memory grows while it does, next to a plain download of the same
 * file by a member of the owner organization (the original bytes) in the same run.
 *
 * The PDF is made here with pdf-lib: pages of text, each with a stream of incompressible bytes, so
 * the file is about BENCH_WATERMARK_MIB (100) MiB. The API's stamping limit (WATERMARK_MAX_BYTES,
 * default 100 MiB) must let it through.
 */
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import type { ApiProcess } from './api-process.js';
import { type BenchContext, log } from './context.js';
import { type MemoryReport, watchMemory } from './memory.js';
import { printed, type Section } from './report.js';
import { MiB, receiveStream, sendStream, timed } from './transfer.js';

const PAGES = 200;

interface WatermarkBenchOptions {
  api: ApiProcess;
  /**
   * Another API process on the same stack: each measured download gets a fresh one, as the upload's
   * check (which parses the file too) or the other download would leave a grown heap to reuse.
   */
  startApi: () => Promise<ApiProcess>;
  /** An editor of dmtf (uploads), a member of dmtf (plain download), a member of ofa (stamped). */
  tokens: { editor: string; owner: string; partner: string };
  fileMiB: number;
}

/** A PDF of about `bytes`: PAGES pages of text, each with one stream of random bytes. */
async function largePdf(bytes: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const perPage = Math.floor((bytes - 256 * 1024) / PAGES);
  for (let page = 1; page <= PAGES; page++) {
    document
      .addPage([595, 842])
      .drawText(`Benchmark page ${page}`, { x: 50, y: 780, size: 14, font });
    document.context.register(document.context.stream(randomBytes(perPage)));
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

async function uploadPdf(options: WatermarkBenchOptions, documentId: string, pdf: Buffer) {
  const boundary = `----liaison-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\n1.0\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunks: Buffer[] = [head];
  for (let offset = 0; offset < pdf.length; offset += MiB) {
    chunks.push(pdf.subarray(offset, offset + MiB));
  }
  chunks.push(tail);
  const { status, text } = await sendStream(
    `${options.api.url}/api/v1/documents/${documentId}/versions`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.tokens.editor}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + pdf.length + tail.length,
      },
      body: chunks,
    },
  );
  if (status !== 201) throw new Error(`the PDF upload answered ${status}: ${text}`);
  return JSON.parse(text) as { id: string };
}

/** A download measured in an API process of its own, started for it and stopped after. */
async function measuredDownload(startApi: () => Promise<ApiProcess>, path: string, token: string) {
  const api = await startApi();
  try {
    const url = `${api.url}${path}`;
    const watch = await watchMemory(api.pid);
    const { seconds, result } = await timed(() =>
      receiveStream(url, { headers: { authorization: `Bearer ${token}` } }),
    );
    const memory = await watch.stop();
    if (result.status !== 200) throw new Error(`GET ${url} answered ${result.status}`);
    return { seconds, bytes: result.bytes, memory };
  } finally {
    await api.stop();
  }
}

const mib = (value: number) => value.toFixed(1);

/** Runs the watermark measurements; answers their section of the report. */
export async function benchWatermark(context: BenchContext): Promise<Section> {
  return printed(
    await measureWatermarks({
      api: context.api,
      startApi: context.startApi,
      tokens: {
        editor: await context.signIn('editor@dmtf.example'),
        owner: await context.signIn('member@dmtf.example'),
        partner: await context.signIn('member@ofa.example'),
      },
      fileMiB: context.settings.quick ? 10 : 100,
    }),
  );
}

async function measureWatermarks(options: WatermarkBenchOptions): Promise<string> {
  const { api } = options;
  log(`watermarks: making a ${options.fileMiB} MiB PDF of ${PAGES} pages with pdf-lib`);
  const pdf = await largePdf(options.fileMiB * MiB);
  const created = await fetch(`${api.url}/api/v1/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.tokens.editor}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      organization: 'dmtf',
      identifier: 'BENCH-WATERMARK',
      title: 'Benchmark watermark',
      status: 'work-in-progress',
      // Shared with ofa under the demo register; watermarks are on by default for partners.
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    }),
  });
  if (created.status !== 201) throw new Error(`creating the document: ${await created.text()}`);
  const documentId = ((await created.json()) as { id: string }).id;
  log('watermarks: uploading it (the API checks that it can be stamped)');
  const version = await uploadPdf(options, documentId, pdf);
  const path = `/api/v1/documents/${documentId}/versions/${version.id}/content`;
  log('watermarks: plain download by a member of the owner organization');
  const plain = await measuredDownload(options.startApi, path, options.tokens.owner);
  if (plain.bytes !== pdf.length) throw new Error('the plain download is not the original');
  log('watermarks: stamped download by a partner');
  const stamped = await measuredDownload(options.startApi, path, options.tokens.partner);

  const fileMiB = pdf.length / MiB;
  const row = (what: string, run: { seconds: number; bytes: number; memory: MemoryReport }) =>
    `| ${what} | ${mib(run.bytes / MiB)} | ${run.seconds.toFixed(2)} | ${mib(fileMiB / run.seconds)} | ${mib(run.memory.baselineMiB)} | ${mib(Math.max(run.memory.sampledPeakMiB, run.memory.hwmPeakMiB ?? 0))} | ${mib(run.memory.growthMiB)} |`;
  const ratio = stamped.memory.growthMiB / Math.max(plain.memory.growthMiB, 1);
  return [
    `## Watermarked download of a ${mib(fileMiB)} MiB PDF (${PAGES} pages)`,
    '',
    '| download | MiB sent | seconds | MiB/s of the file | API RSS before (MiB) | API RSS peak (MiB) | API RSS growth (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('plain (owner member, original bytes)', plain),
    row('stamped (partner, every page)', stamped),
    '',
    `Stamping: ${mib(fileMiB / stamped.seconds)} MiB/s; memory growth ${mib(stamped.memory.growthMiB)} MiB, ` +
      `${ratio.toFixed(1)}× the plain download's and ${(stamped.memory.growthMiB / fileMiB).toFixed(2)}× the file. ` +
      'Each download is served by an API process started for it (after the upload, whose check ' +
      'parses the file too): growth is from its RSS before the download, the peak absolute.',
  ].join('\n');
}
