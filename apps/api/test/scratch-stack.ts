import { randomBytes } from 'node:crypto';
import { createPool, type Pool } from '@liaison/db';
import {
  createScratchDatabase,
  type ScratchDatabase,
  type StackEnvironment,
} from '@liaison/embedded-stack';
import { createS3Storage, type S3Storage } from '@liaison/storage';
import { inject } from 'vitest';

/**
 * A database and a bucket of the test's own, on this run's servers: the database is empty (not
 * migrated) and the bucket is not created yet. `close` ends the pool and drops the database.
 */
export interface ScratchStack {
  env: StackEnvironment;
  database: ScratchDatabase;
  pool: Pool;
  storage: S3Storage;
  close(): Promise<void>;
}

/** A scratch stack whose bucket is named `<bucketPrefix>-<random hex>`. */
export async function createScratchStack(bucketPrefix: string): Promise<ScratchStack> {
  const base = inject('stack');
  const database = await createScratchDatabase(base.DATABASE_URL);
  const env: StackEnvironment = {
    ...base,
    DATABASE_URL: database.url,
    S3_BUCKET: `${bucketPrefix}-${randomBytes(6).toString('hex')}`,
  };
  const pool = createPool(env.DATABASE_URL);
  const storage = createS3Storage({
    endpoint: env.S3_ENDPOINT,
    accessKey: env.S3_ACCESS_KEY,
    secretKey: env.S3_SECRET_KEY,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
  });
  return {
    env,
    database,
    pool,
    storage,
    async close() {
      await pool.end();
      storage.close();
      await database.drop();
    },
  };
}
