import { expect } from 'vitest';
import { type Pool, seedDemoData } from '../src/index.js';

/** `count` finds `expected` in the seeded database, and the same again after the seed runs again. */
export async function expectSeedAddsNothingAgain<Counts>(
  pool: Pool,
  count: () => Promise<Counts>,
  expected: Counts,
): Promise<void> {
  expect(await count()).toEqual(expected);
  await seedDemoData(pool);
  expect(await count()).toEqual(expected);
}
