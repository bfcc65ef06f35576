/**
 * The search part of `npm run bench`: the library search over the bench documents, each given
 * about 2 KB of extracted text (seedBenchTexts), per kind of query, anonymous and signed in; and
 * how many PDF pages per second the text extractor reads.
 */
import * as http from 'node:http';
import { seedBenchTexts } from '@liaison/db';
import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import { extractText } from '../../apps/api/src/services/content/extract-text.js';
import { type BenchContext, log } from './context.js';
import { TITLE_SEARCH_WORDS } from './document-list.js';
import { type Section, Verdicts } from './report.js';

/** The goal for a search's 95th percentile on this 2-core machine. */
export const SEARCH_P95_TARGET_MS = 50;
const EXTRACTION_PAGES = 50;
const EXTRACTION_RUNS = 3;

const QUERIES: { kind: string; texts: string[] }[] = [
  { kind: 'title or abstract words', texts: TITLE_SEARCH_WORDS },
  { kind: 'single word', texts: ['term0042', 'term1234', 'term0777', 'term1999', 'term0500'] },
  { kind: 'phrase', texts: ['"fabric adapter"'] },
  { kind: 'prefix', texts: ['zon*'] },
];

function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        response.resume();
        if (response.statusCode !== 200) reject(new Error(`GET ${url}: ${response.statusCode}`));
        response.once('end', resolve);
        response.once('error', reject);
      })
      .once('error', reject);
  });
}

/** One request at a time, so each latency is the search's own and not a queue's. */
async function latencies(urls: string[], requests: number, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const measured: number[] = [];
  try {
    for (const url of urls) await get(agent, url, headers); // warm-up
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      await get(agent, urls[i % urls.length]!, headers);
      measured.push(performance.now() - start);
    }
  } finally {
    agent.destroy();
  }
  measured.sort((a, b) => a - b);
  const at = (q: number) =>
    measured[Math.min(measured.length - 1, Math.floor(q * measured.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function pdfOfPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    const sheet = pdf.addPage([595, 842]);
    for (let line = 0; line < 40; line++) {
      sheet.drawText(`Page ${page}, line ${line}: the fabric adapter zoning rules apply here.`, {
        x: 40,
        y: 800 - line * 19,
        size: 10,
        font,
      });
    }
  }
  return pdf.save();
}

async function extractionPagesPerSecond(): Promise<number> {
  const bytes = await pdfOfPages(EXTRACTION_PAGES);
  const start = performance.now();
  for (let run = 0; run < EXTRACTION_RUNS; run++) {
    const result = await extractText({ bytes, mediaType: 'application/pdf', filename: 'b.pdf' });
    if (result.status !== 'extracted' || result.pages.length !== EXTRACTION_PAGES) {
      throw new Error(`extraction of the bench PDF: ${JSON.stringify(result).slice(0, 200)}`);
    }
  }
  return (EXTRACTION_PAGES * EXTRACTION_RUNS) / ((performance.now() - start) / 1000);
}

/** Seeds the texts, measures, and returns the section of the report. */
export async function benchSearch(context: BenchContext): Promise<Section> {
  const { api, pool, documents } = context;
  const token = await context.signIn('member@dmtf.example');
  const requests = context.settings.quick ? 50 : 200;
  log(`search: giving ${documents} documents about 2 KB of text each`);
  await seedBenchTexts(pool);
  await pool.query('analyze');
  const verdicts = new Verdicts();
  const rows: string[] = [];
  for (const [who, headers] of [
    ['anonymous', {}],
    ['signed in', { authorization: `Bearer ${token}` }],
  ] as const) {
    for (const query of QUERIES) {
      log(`search: ${query.kind}, ${who}, ${requests} requests one at a time`);
      const urls = query.texts.map(
        (text) => `${api.url}/api/v1/documents?q=${encodeURIComponent(text)}`,
      );
      const { p50, p95 } = await latencies(urls, requests, headers);
      const verdict = verdicts.judge(p95 < SEARCH_P95_TARGET_MS);
      rows.push(
        `| ${query.kind} (${query.texts[0]}) | ${who} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${verdict} |`,
      );
    }
  }
  log(`search: extracting a ${EXTRACTION_PAGES}-page PDF ${EXTRACTION_RUNS} times`);
  const pagesPerSecond = await extractionPagesPerSecond();
  return verdicts.section(
    [
      `### Search over ${documents} documents with about 2 KB of text each (target p95 < ${SEARCH_P95_TARGET_MS} ms)`,
      '',
      '| query | caller | p50 ms | p95 ms | p95 target |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Text extraction: ${pagesPerSecond.toFixed(0)} PDF pages per second (a ${EXTRACTION_PAGES}-page PDF, one worker thread per file, as the extraction job runs it).`,
    ].join('\n'),
  );
}
