import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createPool, DEMO_PASSWORD, type Pool, seedBenchDocuments } from '@liaison/db';
import {
  createTempDataDir,
  type EmbeddedStack,
  findFreePort,
  type StackEnvironment,
  startEmbeddedStack,
} from '@liaison/embedded-stack';
import { createS3Storage, type S3Storage } from '@liaison/storage';
import { type ApiProcess, startApiProcess } from './api-process.js';
import { type S3Process, s3InChildProcess } from './s3-process.js';

export interface BenchSettings {
  /** BENCH_QUICK: small sizes for working on the bench or the API, not for the README. */
  quick: boolean;
  /** Times each figure is measured, interleaved with its baseline. */
  rounds: number;
  fileMiB: number;
  documents: number;
  /** Requests per load measurement. */
  requests: number;
  /** Uploads sent at once by the small-uploads section. */
  smallUploads: number;
  concurrency: number;
}

function setting(name: string, fallback: number, minimum = 1): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < minimum) {
    throw new Error(`${name} must be an integer of at least ${minimum}`);
  }
  return parsed;
}

export function benchSettings(): BenchSettings {
  const quick = ['1', 'true'].includes(process.env.BENCH_QUICK ?? '');
  return {
    quick,
    rounds: setting('BENCH_ROUNDS', 3, quick ? 1 : 3),
    fileMiB: setting('BENCH_FILE_MIB', quick ? 64 : 1024),
    documents: setting('BENCH_DOCUMENTS', quick ? 5_000 : 100_000),
    requests: setting('BENCH_REQUESTS', quick ? 500 : 3_000),
    smallUploads: setting('BENCH_SMALL_UPLOADS', 50),
    concurrency: 10,
  };
}

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export async function json<T>(
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

/** What every section gets: a running stack and API with the demo data and the seeded documents. */
export interface BenchContext {
  settings: BenchSettings;
  repoRoot: string;
  stack: StackEnvironment;
  /** The API as `npm start` runs it. */
  api: ApiProcess;
  /** The environment that API was started with (for sections that start more of them). */
  apiEnv: Record<string, string>;
  /** Another API process like `api`, on a free port; stopped with the rest if the bench stops. */
  startApi(): Promise<ApiProcess>;
  /** The S3 server's process (s3rver, a child of the bench), for its CPU time. */
  s3Pid: number;
  /** The throw-away stack's data directory. */
  dataDir: string;
  pool: Pool;
  storage: S3Storage;
  /** How many documents the seed added (besides the demo data). */
  documents: number;
  /** An access token (a sign-in session) of a demo user. */
  signIn(email: string): Promise<string>;
  /** A personal API token of a demo user. */
  apiToken(email: string): Promise<string>;
}

/**
 * Starts a throw-away embedded stack, the API as a child process and seeds the documents; runs
 * `work`, then stops everything (also on SIGINT/SIGTERM).
 */
export async function withBenchContext<T>(
  repoRoot: string,
  work: (context: BenchContext) => Promise<T>,
): Promise<T> {
  const settings = benchSettings();
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
    let s3: S3Process | undefined;
    stack = await startEmbeddedStack({
      dataDir,
      ephemeral: true,
      createS3: (options) => {
        s3 = s3InChildProcess(options);
        return s3;
      },
    });
    const s3Pid = s3?.pid;
    if (s3Pid === undefined) throw new Error('the S3 process did not start');
    const env = stack.env;
    const authSecret = randomBytes(32).toString('hex');
    log('starting the API (apps/api/dist/main.js) as a child process');
    const apiEnv = { ...env, AUTH_SECRET: authSecret, LIAISON_DEMO: 'true' };
    const api = await startApiProcess({ repoRoot, port: await findFreePort(), env: apiEnv });
    apis.push(api);
    pool = createPool(env.DATABASE_URL, { max: 2 });
    storage = createS3Storage({
      endpoint: env.S3_ENDPOINT,
      accessKey: env.S3_ACCESS_KEY,
      secretKey: env.S3_SECRET_KEY,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
    });

    log(`seeding ${settings.documents} documents`);
    const started = performance.now();
    const documents = await seedBenchDocuments(pool, {
      count: settings.documents,
      organization: 'dmtf',
    });
    await pool.query('analyze');
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const signIn = async (email: string) => {
      const { accessToken } = await json<{ accessToken: string }>(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        body: { email, password: DEMO_PASSWORD },
      });
      return accessToken;
    };
    const apiToken = async (email: string) => {
      const { token } = await json<{ token: string }>(`${api.url}/api/v1/tokens`, {
        method: 'POST',
        token: await signIn(email),
        body: { name: 'bench' },
      });
      return token;
    };
    const startApi = async () => {
      const another = await startApiProcess({ repoRoot, port: await findFreePort(), env: apiEnv });
      apis.push(another);
      return another;
    };
    return await work({
      settings,
      repoRoot,
      stack: env,
      api,
      apiEnv,
      startApi,
      s3Pid,
      dataDir,
      pool,
      storage,
      documents,
      signIn,
      apiToken,
    });
  } catch (error) {
    for (const api of apis) log(`API (pid ${api.pid}) output:\n${api.output()}`);
    throw error;
  } finally {
    log('stopping everything');
    await cleanUp();
  }
}
