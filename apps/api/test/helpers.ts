import { createPool, migrate, seedDemoData } from '@liaison/db';
import { createScratchDatabase, type StackEnvironment } from '@liaison/embedded-stack';
import { createS3Storage } from '@liaison/storage';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the API on a free loopback port against the real PostgreSQL and S3 servers of this test
 * run, with a database of its own, migrated and seeded with the demo data.
 */
export async function startApi(stack: Partial<StackEnvironment> = {}): Promise<RunningApi> {
  const base = inject('stack');
  const database = stack.DATABASE_URL ? undefined : await createScratchDatabase(base.DATABASE_URL);
  const config = loadConfig({
    ...base,
    ...stack,
    ...(database ? { DATABASE_URL: database.url } : {}),
    AUTH_SECRET: 'test-secret-that-is-at-least-32-characters',
    API_HOST: '127.0.0.1',
  });
  const pool = createPool(config.databaseUrl, { connectionTimeoutMillis: 2_000 });
  const storage = createS3Storage(config.s3);
  await migrate(pool);
  await seedDemoData(pool);
  await storage.ensureBucket();
  const app = await buildApp({ config, pool, storage });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await pool.end();
      await database?.drop();
    },
  };
}
