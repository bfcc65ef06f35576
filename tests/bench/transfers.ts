import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { DEMO_PASSWORD } from '@liaison/db';
import { findFreePort } from '@liaison/embedded-stack';
import { type BenchContext, json, log } from './context.js';
import { type MemoryReport, measureCpu, watchMemory } from './memory.js';
import { type Section, table, Verdicts } from './report.js';
import { formatSpread, interleaved, ratios, spreadOf } from './stats.js';
import {
  download,
  GeneratedContent,
  MiB,
  receiveStream,
  type StoredVersion,
  timed,
  uploadDirect,
  uploadThroughApi,
  uploadThroughWeb,
} from './transfer.js';
import { signInThroughWeb, startWebProcess, type WebProcess } from './web-process.js';

export const TRANSFER_RATIO_TARGET = 0.9;
export const MEMORY_GROWTH_TARGET_MIB = 100;

type Server = 'api' | 'web' | 's3';

/** One timed transfer, with the CPU time each process spent on it. */
interface Measured {
  seconds: number;
  /**
   * CPU seconds of each server process: the API, the web app and the store (a direct transfer
   * leaves the API and the web app idle).
   */
  cpu: Record<Server, number>;
  /** CPU seconds of the bench process: the client. */
  benchCpu: number;
  memory?: MemoryReport;
}

async function measure(
  pids: Record<Server, number>,
  work: () => Promise<unknown>,
  watch = false,
): Promise<Measured> {
  const watching = watch ? await watchMemory(pids.api) : undefined;
  const { result, cpu, benchCpu } = await measureCpu(pids, () => timed(work));
  const memory = await watching?.stop();
  return { seconds: result.seconds, cpu, benchCpu, ...(memory ? { memory } : {}) };
}

interface Row {
  what: string;
  step: string;
  baseline?: string;
  judged?: boolean;
}

/**
 * A large file up (its size declared, and not) and down through the API against a presigned PUT
 * and GET of the same bytes to the same store, interleaved round by round; the API's memory is
 * watched during each. The same through the web app (the browser's path: its proxies in front of
 * the API) shows what that hop adds; the storage package's multipart upload from the bench process
 * (no API) shows what the store costs.
 */
export async function benchTransfers(context: BenchContext): Promise<Section> {
  log('starting the web app (next start) in front of the API');
  const port = await findFreePort();
  const web = await startWebProcess({
    repoRoot: context.repoRoot,
    port,
    env: {
      LIAISON_API_URL: context.api.url,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
  try {
    return await measureTransfers(context, web);
  } finally {
    await web.stop();
  }
}

async function measureTransfers(context: BenchContext, web: WebProcess): Promise<Section> {
  const { api, storage, settings } = context;
  const pids = { api: api.pid, web: web.pid, s3: context.s3Pid };
  const fileMiB = settings.fileMiB;
  const editor = await context.signIn('editor@dmtf.example');
  const cookie = await signInThroughWeb(web.url, {
    email: 'editor@dmtf.example',
    password: DEMO_PASSWORD,
    organization: 'dmtf',
  });
  const document = await json<{ id: string }>(`${api.url}/api/v1/documents`, {
    method: 'POST',
    token: editor,
    body: {
      organization: 'dmtf',
      identifier: 'BENCH-TRANSFER',
      title: 'Benchmark transfer',
      status: 'work-in-progress',
      // Not public: every download is authorized and audited, as for most real files.
      visibility: 'organization',
    },
  });
  const auth = { authorization: `Bearer ${editor}` };
  const contentUrl = (apiUrl: string, version: StoredVersion) =>
    `${apiUrl}/api/v1/documents/${document.id}/versions/${version.id}/content`;
  const webDownloadUrl = (version: StoredVersion) =>
    `${web.url}/documents/${document.id}/versions/${version.id}/download`;

  // Warm-up (small, below the part size): loads the code paths of every side once.
  const small = new GeneratedContent(MiB);
  const warm = await uploadThroughApi(api.url, editor, document.id, '0.0.1', small);
  await download(contentUrl(api.url, warm), small.size, auth);
  const warmWeb = await uploadThroughWeb(web.url, cookie, document.id, '0.0.2', small);
  await download(webDownloadUrl(warmWeb), small.size, { cookie });
  await uploadDirect(await storage.presignedPutUrl('bench/warm-up'), small);
  await download(await storage.presignedGetUrl('bench/warm-up'), small.size);

  const content = new GeneratedContent(fileMiB * MiB);
  log(`hashing the ${fileMiB} MiB content once (untimed)`);
  const expectedSha256 = content.sha256();
  const uploaded = new Map<string, StoredVersion>();
  const upload =
    (label: string, declareSize = true) =>
    async () => {
      const version = await uploadThroughApi(
        api.url,
        editor,
        document.id,
        label,
        content,
        declareSize,
      );
      if (version.size !== content.size || version.sha256 !== expectedSha256) {
        throw new Error(`the API stored ${version.size} bytes with SHA-256 ${version.sha256}`);
      }
      uploaded.set(label, version);
    };
  const directKey = (round: number) => `bench/direct-${round}`;

  const results = await interleaved<string, Measured>(
    settings.rounds,
    {
      'direct PUT': async (round) =>
        measure(pids, async () =>
          uploadDirect(await storage.presignedPutUrl(directKey(round)), content),
        ),
      'API upload': (round) => measure(pids, upload(`1.0.${round}`), true),
      'API upload, size unknown': (round) => measure(pids, upload(`1.2.${round}`, false), true),
      'putStream upload': (round) =>
        measure(pids, async () => {
          const stored = await storage.putStream(
            `bench/multipart-${round}`,
            Readable.from(content.chunks()),
          );
          if (stored.sha256 !== expectedSha256) throw new Error('putStream stored other bytes');
        }),
      'direct GET': async (round) => {
        const url = await storage.presignedGetUrl(directKey(round));
        return measure(pids, () => download(url, content.size));
      },
      'API download': (round) => {
        const url = contentUrl(api.url, uploaded.get(`1.0.${round}`)!);
        return measure(pids, () => download(url, content.size, auth), true);
      },
      'web upload': (round) =>
        measure(pids, async () => {
          const version = await uploadThroughWeb(
            web.url,
            cookie,
            document.id,
            `2.0.${round}`,
            content,
          );
          if (version.size !== content.size || version.sha256 !== expectedSha256) {
            throw new Error(
              `the web app stored ${version.size} bytes with SHA-256 ${version.sha256}`,
            );
          }
          uploaded.set(`2.0.${round}`, version);
        }),
      'web download': (round) => {
        const url = webDownloadUrl(uploaded.get(`2.0.${round}`)!);
        return measure(pids, () => download(url, content.size, { cookie }));
      },
    },
    (name, round) => log(`round ${round}: ${name} of ${fileMiB} MiB`),
  );

  log('verifying the round trip: one more download through the API, hashed (untimed)');
  const check = await receiveStream(contentUrl(api.url, uploaded.get('1.0.1')!), {
    headers: auth,
    sha256: true,
  });
  if (check.sha256 !== expectedSha256 || check.bytes !== content.size) {
    throw new Error(`the download's SHA-256 ${check.sha256} differs from the upload's`);
  }
  for (let round = 1; round <= settings.rounds; round++) {
    await storage.delete(directKey(round));
    await storage.delete(`bench/multipart-${round}`);
  }

  const rows: Row[] = [
    {
      what: 'upload through the API, size declared (one PUT)',
      step: 'API upload',
      baseline: 'direct PUT',
      judged: true,
    },
    {
      what: 'upload through the API, size unknown (multipart)',
      step: 'API upload, size unknown',
      baseline: 'direct PUT',
    },
    {
      what: 'download through the API',
      step: 'API download',
      baseline: 'direct GET',
      judged: true,
    },
    {
      what: 'upload through the web app and the API (a browser’s path)',
      step: 'web upload',
      baseline: 'direct PUT',
    },
    {
      what: 'download through the web app and the API (a browser’s path)',
      step: 'web download',
      baseline: 'direct GET',
    },
    {
      what: 'upload, storage.putStream in the bench process (multipart, no API)',
      step: 'putStream upload',
      baseline: 'direct PUT',
    },
    { what: 'direct presigned PUT (baseline)', step: 'direct PUT' },
    { what: 'direct presigned GET (baseline)', step: 'direct GET' },
  ];
  const verdicts = new Verdicts();
  const rate = (m: Measured) => fileMiB / m.seconds;
  const cpuOf = (measured: Measured[], server: Server) =>
    spreadOf(measured.map((m) => m.cpu[server])).median.toFixed(1);
  const transfers = table(
    [
      `${fileMiB} MiB file, ${settings.rounds} rounds`,
      'MiB/s',
      'ratio to baseline',
      'target',
      '',
      'API CPU s',
      'web CPU s',
      'S3 CPU s',
      'bench CPU s',
    ],
    rows.map((row) => {
      const measured = results[row.step]!;
      const ratio = row.baseline
        ? spreadOf(ratios(measured.map(rate), results[row.baseline]!.map(rate)))
        : undefined;
      return [
        row.what,
        formatSpread(spreadOf(measured.map(rate)), 1),
        ratio ? `${formatSpread(ratio, 2)} of ${row.baseline}` : 'baseline',
        row.judged ? `≥ ${TRANSFER_RATIO_TARGET}` : 'info',
        row.judged && ratio ? verdicts.judge(ratio.median >= TRANSFER_RATIO_TARGET) : '',
        row.baseline ? cpuOf(measured, 'api') : '-',
        row.step.startsWith('web') ? cpuOf(measured, 'web') : '-',
        cpuOf(measured, 's3'),
        spreadOf(measured.map((m) => m.benchCpu)).median.toFixed(1),
      ];
    }),
  );
  const memory = table(
    ['API resident memory', 'before', 'growth: median (min–max)', 'target (worst round)', ''],
    rows
      .filter((row) => results[row.step]![0]!.memory)
      .map((row) => {
        const reports = results[row.step]!.map((m) => m.memory!);
        const growth = spreadOf(reports.map((m) => m.growthMiB));
        return [
          row.what,
          `${spreadOf(reports.map((m) => m.baselineMiB)).median.toFixed(0)} MiB`,
          `+${formatSpread(growth, 1, ' MiB')}`,
          row.judged ? `< ${MEMORY_GROWTH_TARGET_MIB} MiB` : 'info',
          row.judged ? verdicts.judge(growth.max < MEMORY_GROWTH_TARGET_MIB) : '',
        ];
      }),
  );
  return verdicts.section(transfers, memory);
}
