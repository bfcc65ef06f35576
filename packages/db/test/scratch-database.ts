import { createScratchDatabase, type ScratchDatabase } from '@liaison/embedded-stack';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { createPool, migrate, type Pool, seedDemoData } from '../src/index.js';

export interface Scratch {
  readonly pool: Pool;
  readonly url: string;
}

/**
 * A database of the test file's own on the shared PostgreSQL server, dropped afterwards: empty,
 * migrated, or migrated and seeded with the demo data; one for the whole file, or a fresh one for
 * each test (`perTest`).
 */
export function useScratchDatabase(
  options: { state?: 'empty' | 'migrated' | 'seeded'; perTest?: boolean } = {},
): Scratch {
  const state = options.state ?? 'empty';
  let database: ScratchDatabase | undefined;
  let pool: Pool | undefined;
  const [before, after] = options.perTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    database = await createScratchDatabase(inject('stack').DATABASE_URL);
    pool = createPool(database.url);
    if (state !== 'empty') await migrate(pool);
    if (state === 'seeded') await seedDemoData(pool);
  });
  after(async () => {
    await pool?.end();
    await database?.drop();
  });
  return {
    get pool() {
      if (!pool) throw new Error('The scratch database is not ready yet');
      return pool;
    },
    get url() {
      if (!database) throw new Error('The scratch database is not ready yet');
      return database.url;
    },
  };
}
