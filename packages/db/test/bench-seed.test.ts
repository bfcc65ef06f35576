import { createScratchDatabase, type ScratchDatabase } from '@liaison/embedded-stack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createPool,
  listReadableDocuments,
  migrate,
  type Pool,
  seedBenchDocuments,
  seedDemoData,
} from '../src/index.js';

let database: ScratchDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createScratchDatabase(inject('stack').DATABASE_URL);
  pool = createPool(database.url);
  await migrate(pool);
  await seedDemoData(pool);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function visibleTo(organizations: string[]): Promise<number> {
  const rows = await listReadableDocuments(pool, {
    viewerOrganizations: organizations,
    q: 'synthetic',
    organization: 'dmtf',
    limit: 100,
  });
  return rows.length;
}

describe('seedBenchDocuments', () => {
  it('adds a mix of public, partner and organization documents in one go', async () => {
    expect(await seedBenchDocuments(pool, { count: 90, organization: 'dmtf' })).toBe(90);
    const counts = await pool.query<{ visibility: string; n: number; shared: number }>(
      `select d.visibility, count(*)::int as n, count(dr.document_id)::int as shared
         from documents d left join document_registers dr on dr.document_id = d.id
        where d.identifier like 'BENCH-%' group by d.visibility order by d.visibility`,
    );
    expect(counts.rows).toEqual([
      { visibility: 'organization', n: 30, shared: 0 },
      { visibility: 'partners', n: 30, shared: 30 },
      { visibility: 'public', n: 30, shared: 0 },
    ]);
    // The read rule applies to them like to any document.
    expect(await visibleTo([])).toBe(30);
    expect(await visibleTo(['ofa'])).toBe(60);
    expect(await visibleTo(['dmtf'])).toBe(90);
  });

  it('refuses an unknown organization', async () => {
    await expect(seedBenchDocuments(pool, { count: 3, organization: 'nobody' })).rejects.toThrow(
      /no documents inserted/,
    );
  });
});
