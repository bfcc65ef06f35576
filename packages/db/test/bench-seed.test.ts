import { describe, expect, it } from 'vitest';
import { listReadableDocuments, seedBenchDocuments, seedBenchTexts } from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'seeded' });

async function visibleTo(organizations: string[]): Promise<number> {
  const rows = await listReadableDocuments(db.pool, {
    viewerOrganizations: organizations,
    search: { tsquery: "'synthetic'", titleTsquery: "'synthetic':AB", identifier: null },
    organization: 'dmtf',
    limit: 100,
  });
  return rows.length;
}

describe('seedBenchDocuments', () => {
  it('adds a mix of public, partner and organization documents in one go', async () => {
    expect(await seedBenchDocuments(db.pool, { count: 90, organization: 'dmtf' })).toBe(90);
    const counts = await db.pool.query<{ visibility: string; n: number; shared: number }>(
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

  it('gives each bench document about 2 KB of searchable text, the phrase in every 10th', async () => {
    await seedBenchDocuments(db.pool, {
      count: 30,
      organization: 'snia',
      identifierPrefix: 'TEXT',
    });
    expect(await seedBenchTexts(db.pool, { identifierPrefix: 'TEXT' })).toBe(30);
    expect(await seedBenchTexts(db.pool, { identifierPrefix: 'TEXT' })).toBe(0);
    const sizes = await db.pool.query<{ min: number; max: number }>(
      `select min(length(body))::int as min, max(length(body))::int as max from version_text_pages`,
    );
    expect(sizes.rows[0]!.min).toBeGreaterThan(2000);
    expect(sizes.rows[0]!.max).toBeLessThan(2400);
    const phrase = await listReadableDocuments(db.pool, {
      viewerOrganizations: ['snia'],
      search: {
        tsquery: "('fabric' <-> 'adapter')",
        titleTsquery: "('fabric':AB <-> 'adapter':AB)",
        identifier: null,
      },
      organization: 'snia',
      limit: 100,
    });
    expect(phrase).toHaveLength(3);
  });

  it('refuses an unknown organization', async () => {
    await expect(seedBenchDocuments(db.pool, { count: 3, organization: 'nobody' })).rejects.toThrow(
      /no documents inserted/,
    );
  });
});
