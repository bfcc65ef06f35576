import { createScratchDatabase, type ScratchDatabase } from '@liaison/embedded-stack';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { createPool, loadMigrations, migrate, type Pool, seedDemoData } from '../src/index.js';

export interface Scratch {
  pool: Pool;
  url: string;
}

/**
 * A database of the test file's own on the shared PostgreSQL server, dropped afterwards: empty,
 * migrated, or migrated and seeded with the demo data; one for the whole file, or a fresh one for
 * each test (`perTest`). Its pool and address are there from the first test on.
 */
export function useScratchDatabase(
  options: { state?: 'empty' | 'migrated' | 'seeded'; perTest?: boolean } = {},
): Scratch {
  const state = options.state ?? 'empty';
  const scratch = {} as Scratch;
  let database: ScratchDatabase | undefined;
  const [before, after] = options.perTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    database = await createScratchDatabase(inject('stack').DATABASE_URL);
    scratch.url = database.url;
    scratch.pool = createPool(database.url);
    if (state !== 'empty') await migrate(scratch.pool);
    if (state === 'seeded') await seedDemoData(scratch.pool);
  });
  after(async () => {
    await scratch.pool?.end();
    await database?.drop();
  });
  return scratch;
}

/**
 * Applies the migrations before `version` only, so a test can write the rows a migration finds
 * before it runs the rest (`migrate(pool)`) and checks what that migration made of them.
 */
export async function migrateBefore(pool: Pool, version: string): Promise<void> {
  const migrations = await loadMigrations();
  await migrate(
    pool,
    migrations.filter((migration) => migration.version < version),
  );
}
