import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from './ports.js';
import { createEmbeddedPostgres, type EmbeddedPostgres } from './postgres.js';
import { createEmbeddedS3, type EmbeddedS3, type EmbeddedS3Options } from './s3.js';

export interface EmbeddedStackOptions {
  /** Root of the stack's data: `<dataDir>/postgres` and `<dataDir>/s3`. */
  dataDir: string;
  /** Fixed ports for a stable local setup; omitted means a free port chosen by the kernel. */
  postgresPort?: number;
  s3Port?: number;
  database?: string;
  bucket?: string;
  /** A throw-away stack for tests: faster, not crash-safe. */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** Makes the S3 server; by default s3rver in this process (the benchmark runs it in another). */
  createS3?: (options: EmbeddedS3Options) => EmbeddedS3;
}

/** Connection settings in the same shape as the environment an external deployment would give. */
export interface StackEnvironment {
  DATABASE_URL: string;
  S3_ENDPOINT: string;
  S3_ACCESS_KEY: string;
  S3_SECRET_KEY: string;
  S3_BUCKET: string;
  S3_REGION: string;
}

export interface EmbeddedStack {
  readonly env: StackEnvironment;
  readonly postgres: EmbeddedPostgres;
  readonly s3: EmbeddedS3;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server and an S3-protocol server on 127.0.0.1 and resolves once both
 * answer. Data persists in `dataDir`, so a restart keeps it.
 */
export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // Under root, PostgreSQL runs as the `postgres` user, who must be able to pass through the root.
  if (userInfo().uid === 0) await chmod(dataDir, 0o755);
  const postgres = createEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: options.postgresPort ?? (await findFreePort()),
    database: options.database ?? 'liaison',
    ephemeral: options.ephemeral ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
  const s3 = (options.createS3 ?? createEmbeddedS3)({
    dataDir: join(dataDir, 's3'),
    port: options.s3Port ?? (await findFreePort()),
  });

  await s3.start();
  try {
    await postgres.start();
  } catch (error) {
    await s3.stop();
    throw error;
  }

  return {
    env: {
      DATABASE_URL: postgres.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: options.bucket ?? 'liaison',
      S3_REGION: s3.region,
    },
    postgres,
    s3,
    async stop() {
      await Promise.allSettled([postgres.stop(), s3.stop()]);
    },
  };
}
