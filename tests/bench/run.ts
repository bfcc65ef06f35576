/**
 * `npm run bench`: on a throw-away embedded stack, measures the API against its baselines and
 * prints Markdown tables.
 *
 * - 1 GiB upload and download through the API vs. directly to the same S3 server (presigned URLs);
 * - the API's resident memory (a separate process, sampled from /proc) during both;
 * - GET /api/v1/documents requests per second over 10,000 documents vs. GET /healthz;
 * - search inside files over those documents, and text extraction pages per second (search.ts).
 *
 * The S3 server (s3rver) runs in this process, the API in a child process of its own. Targets
 * missed are reported as FAIL but do not fail the run; only something that breaks does.
 * Settings: BENCH_FILE_MIB (1024), BENCH_DOCUMENTS (10000), BENCH_REQUESTS (3000), BENCH_SEARCH_REQUESTS (200), and
 * BENCH_API_NODE_ARGS (extra node options for the API process, e.g. --cpu-prof).
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createPool, type Pool, seedBenchDocuments } from '@liaison/db';
import {
  createTempDataDir,
  type EmbeddedStack,
  findFreePort,
  type StackEnvironment,
  startEmbeddedStack,
} from '@liaison/embedded-stack';
import { createS3Storage, type S3Storage } from '@liaison/storage';
import { type ApiProcess, startApiProcess } from './api-process.js';
import { load } from './load.js';
import { type MemoryReport, measureCpu, watchMemory } from './memory.js';
import { benchReplicas } from './replicas.js';
import {
  type LoadRow,
  type Measured,
  type MemoryRow,
  renderReport,
  type TransferRow,
} from './report.js';
import { benchSearch } from './search.js';
import {
  GeneratedContent,
  MiB,
  multipartBody,
  receiveStream,
  sendStream,
  timed,
} from './transfer.js';
import { benchWatermark } from './watermark.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_PASSWORD = 'liaison-demo';
const CONCURRENCY = 10;
/**
 * glibc gives freed heap memory back to the kernel as soon as 128 KiB lie free at the top of the
 * heap. A streaming Node process allocates a 64 KiB buffer per socket read and frees them in
 * batches at each garbage collection, so the heap is shrunk and grown again all the time and every
 * page of every buffer is faulted in anew. Raising the threshold above a GC's worth of buffers
 * stops that, so the launcher and the API image set it; glibc's default is measured here as a
 * diagnostic, on a second API process.
 */
const MALLOC_TUNABLE = 'glibc.malloc.trim_threshold=67108864';

function setting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) {
    throw new Error(`${name} must be a positive integer`);
  }
  return parsed;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function json<T>(
  url: string,
  init: { method: string; token?: string; body?: unknown },
): Promise<T> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function signIn(api: ApiProcess, email: string): Promise<string> {
  const { accessToken } = await json<{ accessToken: string }>(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    body: { email, password: DEMO_PASSWORD },
  });
  return accessToken;
}

interface Version {
  id: string;
  sha256: string;
  size: number;
}

async function uploadThroughApi(
  api: ApiProcess,
  token: string,
  documentId: string,
  label: string,
  content: GeneratedContent,
): Promise<Version> {
  const body = multipartBody(
    { name: 'label', value: label },
    { name: 'file', filename: 'bench.bin', contentType: 'application/octet-stream', content },
  );
  const { status, text } = await sendStream(`${api.url}/api/v1/documents/${documentId}/versions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': body.contentType,
      'content-length': body.length,
    },
    body: body.chunks(),
  });
  if (status !== 201) throw new Error(`upload through the API answered ${status}: ${text}`);
  return JSON.parse(text) as Version;
}

async function uploadDirect(storage: S3Storage, key: string, content: GeneratedContent) {
  const { status, text } = await sendStream(await storage.presignedPutUrl(key), {
    method: 'PUT',
    headers: { 'content-length': content.size, 'content-type': 'application/octet-stream' },
    body: content.chunks(),
  });
  if (status !== 200) throw new Error(`presigned PUT answered ${status}: ${text}`);
}

async function download(url: string, size: number, headers: Record<string, string> = {}) {
  const result = await receiveStream(url, { headers });
  if (result.status !== 200 || result.bytes !== size) {
    throw new Error(`GET ${url} answered ${result.status} with ${result.bytes} of ${size} bytes`);
  }
}

/** Times `work`, with the CPU time the API process and this process spent on it. */
async function measure<T>(
  api: ApiProcess,
  work: () => Promise<T>,
): Promise<Measured & { result: T }> {
  const { result, apiCpu, benchCpu } = await measureCpu(api.pid, () => timed(work));
  return { seconds: result.seconds, result: result.result, apiCpu, benchCpu };
}

interface Transfers {
  upload: Measured;
  download: Measured;
  uploadMemory: MemoryReport;
  downloadMemory: MemoryReport;
}

/** Uploads `content` as a new version through `api`, then downloads it, watching its memory. */
async function transfersThroughApi(
  api: ApiProcess,
  token: string,
  documentId: string,
  label: string,
  content: GeneratedContent,
  expectedSha256: string,
  verify: boolean,
): Promise<Transfers> {
  const fileMiB = content.size / MiB;
  log(`upload of ${fileMiB} MiB through the API (pid ${api.pid})`);
  const upWatch = await watchMemory(api.pid);
  const upload = await measure(api, () => uploadThroughApi(api, token, documentId, label, content));
  const uploadMemory = await upWatch.stop();
  const version = upload.result;
  if (version.size !== content.size || version.sha256 !== expectedSha256) {
    throw new Error(
      `the API stored ${version.size} bytes with SHA-256 ${version.sha256}; expected ${content.size} and ${expectedSha256}`,
    );
  }

  const url = `${api.url}/api/v1/documents/${documentId}/versions/${version.id}/content`;
  const auth = { authorization: `Bearer ${token}` };
  log(`download of ${fileMiB} MiB through the API (pid ${api.pid})`);
  const downWatch = await watchMemory(api.pid);
  const downloaded = await measure(api, () => download(url, content.size, auth));
  const downloadMemory = await downWatch.stop();

  if (verify) {
    log('verifying the round trip: one more download through the API, hashed (untimed)');
    const check = await receiveStream(url, { headers: auth, sha256: true });
    if (check.sha256 !== expectedSha256 || check.bytes !== content.size) {
      throw new Error(
        `the download's SHA-256 ${check.sha256} differs from the upload's ${expectedSha256}`,
      );
    }
  }
  return { upload, download: downloaded, uploadMemory, downloadMemory };
}

function apiEnvironment(stack: StackEnvironment, authSecret: string): Record<string, string> {
  // What the launcher (npm start) gives the API: the stack's settings, the demo data and its
  // malloc setting (packages/launcher/src/main.ts).
  return {
    ...stack,
    AUTH_SECRET: authSecret,
    LIAISON_DEMO: 'true',
    GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? MALLOC_TUNABLE,
  };
}

async function main() {
  const fileMiB = setting('BENCH_FILE_MIB', 1024);
  const documentCount = setting('BENCH_DOCUMENTS', 10_000);
  const requests = setting('BENCH_REQUESTS', 3_000);
  const size = fileMiB * MiB;
  const load1 = loadavg()[0]!;

  let stack: EmbeddedStack | undefined;
  const apis: ApiProcess[] = [];
  let pool: Pool | undefined;
  let storage: S3Storage | undefined;
  const dataDir = await createTempDataDir('liaison-bench');
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await Promise.all(apis.map((api) => api.stop().catch(() => undefined)));
      storage?.close();
      await pool?.end().catch(() => undefined);
      await stack?.stop();
      await rm(dataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    log(`starting the embedded stack in ${dataDir}`);
    stack = await startEmbeddedStack({ dataDir, ephemeral: true });
    const env = stack.env;
    const authSecret = randomBytes(32).toString('hex');
    log('starting the API (apps/api/dist/main.js) as a child process');
    const api = await startApiProcess({
      repoRoot,
      port: await findFreePort(),
      env: apiEnvironment(env, authSecret),
    });
    apis.push(api);
    pool = createPool(env.DATABASE_URL, { max: 2 });
    storage = createS3Storage({
      endpoint: env.S3_ENDPOINT,
      accessKey: env.S3_ACCESS_KEY,
      secretKey: env.S3_SECRET_KEY,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
    });
    const s3 = storage;

    const editor = await signIn(api, 'editor@dmtf.example');
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

    // Warm-up (small, below the part size): loads the code paths of both sides once.
    const small = new GeneratedContent(MiB);
    const warm = await uploadThroughApi(api, editor, document.id, '0.0.1-warm-up', small);
    await download(
      `${api.url}/api/v1/documents/${document.id}/versions/${warm.id}/content`,
      small.size,
      { authorization: `Bearer ${editor}` },
    );
    await uploadDirect(s3, 'bench/warm-up', small);
    await download(await s3.presignedGetUrl('bench/warm-up'), small.size);

    const content = new GeneratedContent(size);
    log(`hashing the ${fileMiB} MiB content once (untimed)`);
    const expectedSha256 = content.sha256();

    log(`upload of ${fileMiB} MiB: direct presigned PUT`);
    const directKey = 'bench/direct';
    const directUp = await measure(api, () => uploadDirect(s3, directKey, content));
    log(`download of ${fileMiB} MiB: direct presigned GET`);
    const directGetUrl = await s3.presignedGetUrl(directKey);
    const directDown = await measure(api, () => download(directGetUrl, size));
    await s3.delete(directKey);

    const shipped = await transfersThroughApi(
      api,
      editor,
      document.id,
      '1.0.0',
      content,
      expectedSha256,
      true,
    );

    // Where the upload time goes: the same multipart upload (packages/storage, as the API does it)
    // straight from this process, without the API and its HTTP hop.
    log(`upload of ${fileMiB} MiB: packages/storage putStream (multipart) from the bench process`);
    const multipartKey = 'bench/multipart';
    const multipartUp = await measure(api, () =>
      s3.putStream(multipartKey, Readable.from(content.chunks())),
    );
    if (multipartUp.result.sha256 !== expectedSha256) {
      throw new Error('putStream stored something else than was sent');
    }
    await s3.delete(multipartKey);

    log('starting a second API process with glibc’s default heap trimming');
    const tunedApi = await startApiProcess({
      repoRoot,
      port: await findFreePort(),
      env: { ...apiEnvironment(env, authSecret), GLIBC_TUNABLES: '' },
    });
    apis.push(tunedApi);
    const tuned = await transfersThroughApi(
      tunedApi,
      editor,
      document.id,
      '1.0.1',
      content,
      expectedSha256,
      false,
    );
    await tunedApi.stop();

    log(`seeding ${documentCount} documents`);
    const seeded = await seedBenchDocuments(pool, { count: documentCount, organization: 'dmtf' });
    await pool.query('analyze');
    const member = await signIn(api, 'member@dmtf.example');
    const listUrl = `${api.url}/api/v1/documents`;
    const targets: { what: string; url: string; headers?: Record<string, string> }[] = [
      { what: 'GET /healthz (baseline)', url: `${api.url}/healthz` },
      { what: 'GET /api/v1/documents, anonymous', url: listUrl },
      {
        what: 'GET /api/v1/documents, member@dmtf',
        url: listUrl,
        headers: { authorization: `Bearer ${member}` },
      },
    ];
    const loads: LoadRow[] = [];
    for (const target of targets) {
      log(`${target.what}: ${requests} requests, ${CONCURRENCY} at a time`);
      const options = {
        concurrency: CONCURRENCY,
        ...(target.headers ? { headers: target.headers } : {}),
      };
      await load(target.url, { ...options, requests: Math.min(500, requests) }); // warm-up
      const result = await load(target.url, { ...options, requests });
      loads.push({ what: target.what, ...result });
    }

    const watermarkReport = await benchWatermark({
      api,
      tokens: { editor, owner: member, partner: await signIn(api, 'member@ofa.example') },
      fileMiB: setting('BENCH_WATERMARK_MIB', 100),
      log,
    });
    const searchSection = await benchSearch({
      apiUrl: api.url,
      pool,
      token: member,
      documents: seeded,
      requests: setting('BENCH_SEARCH_REQUESTS', 200),
      log,
    });

    const put = 'direct PUT';
    const get = 'direct GET';
    const transfers: TransferRow[] = [
      {
        what: 'upload through the API',
        measured: shipped.upload,
        baselineName: put,
        baseline: directUp,
        judged: true,
      },
      {
        what: 'download through the API',
        measured: shipped.download,
        baselineName: get,
        baseline: directDown,
        judged: true,
      },
      {
        what: 'upload, API with glibc’s default heap trimming',
        measured: tuned.upload,
        baselineName: put,
        baseline: directUp,
        judged: false,
      },
      {
        what: 'download, API with glibc’s default heap trimming',
        measured: tuned.download,
        baselineName: get,
        baseline: directDown,
        judged: false,
      },
      {
        what: 'upload, storage.putStream in the bench process (multipart, no API)',
        measured: multipartUp,
        baselineName: put,
        baseline: directUp,
        judged: false,
      },
    ];
    const memory: MemoryRow[] = [
      { what: 'upload through the API', memory: shipped.uploadMemory, judged: true },
      { what: 'download through the API', memory: shipped.downloadMemory, judged: true },
      {
        what: 'upload, API with glibc’s default heap trimming',
        memory: tuned.uploadMemory,
        judged: false,
      },
      {
        what: 'download, API with glibc’s default heap trimming',
        memory: tuned.downloadMemory,
        judged: false,
      },
    ];
    const report = renderReport({
      title:
        `Liaison benchmark: embedded stack (s3rver in the bench process, API in its own process), ` +
        `Node ${process.version}, ${cpus().length} CPUs, load average ${load1.toFixed(1)} at the start`,
      fileMiB,
      transfers,
      memory,
      documents: seeded,
      concurrency: CONCURRENCY,
      loads,
    });
    console.log(`\n${report.text}\n\n${searchSection}\n\n${watermarkReport}`);
    console.log(
      `\n${await benchReplicas({ repoRoot, dataDir, first: api, env: apiEnvironment(env, authSecret), token: member, requests, concurrency: CONCURRENCY, log })}`,
    );
  } catch (error) {
    for (const api of apis) log(`API (pid ${api.pid}) output:\n${api.output()}`);
    throw error;
  } finally {
    log('stopping everything');
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
