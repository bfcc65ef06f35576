import { describe, expect, it } from 'vitest';
import {
  type DocumentSearch,
  readableDocumentCondition,
  searchReadableDocuments,
  seedBenchDocuments,
  seedBenchTexts,
} from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'seeded' });

// More documents than the ranked search walks before it asks the index (2,000), and a word in more
// pages than make it "common" (500), so every way through the tiers is taken.
const DOCUMENTS = 4_500;

const SEARCHES: Record<string, DocumentSearch> = {
  'a common word': { tsquery: "'term0042'", titleTsquery: "'term0042':AB", identifier: null },
  'a phrase': {
    tsquery: "('fabric' <-> 'adapter')",
    titleTsquery: "('fabric':AB <-> 'adapter':AB)",
    identifier: null,
  },
  'a prefix': { tsquery: "'zon':*", titleTsquery: "'zon':*AB", identifier: null },
  'a rare word': { tsquery: "'quasar'", titleTsquery: "'quasar':AB", identifier: null },
  'an identifier': {
    tsquery: "('rank' <-> '000777')",
    titleTsquery: "('rank':AB <-> '000777':AB)",
    identifier: 'RANK-000777',
  },
};

/**
 * The order the tiers must give, from one query that ranks every match at once: identifier or
 * title first, then the other metadata, then the text of a version that is not withdrawn; newest
 * first within each.
 */
async function rankedAtOnce(viewers: string[], search: DocumentSearch): Promise<string[]> {
  const result = await db.pool.query<{ id: string }>(
    `select d.id from documents d,
            lateral (select case
              when lower(d.identifier) = lower($4::text) or d.search @@ to_tsquery('english', $3) then 0
              when d.search @@ to_tsquery('english', $2) then 1
              when exists (select 1 from document_versions v join version_text_pages p on p.version_id = v.id
                            where v.document_id = d.id and v.withdrawn_at is null
                              and p.search @@ to_tsquery('english', $2)) then 2 end as rank) r
      where ${readableDocumentCondition('$1::text[]')} and r.rank is not null
      order by r.rank, d.seq desc`,
    [viewers, search.tsquery, search.titleTsquery, search.identifier],
  );
  return result.rows.map((row) => row.id);
}

/** Every page of the ranked search, each from the previous page's last rank and seq. */
async function rankedInPages(viewers: string[], search: DocumentSearch): Promise<string[]> {
  const ids: string[] = [];
  let cursor: { beforeRank: number; beforeSeq: string } | undefined;
  for (;;) {
    const page = await searchReadableDocuments(db.pool, {
      viewerOrganizations: viewers,
      search,
      limit: 25,
      ...cursor,
    });
    ids.push(...page.map((record) => record.id));
    const last = page.at(-1);
    if (page.length < 25 || !last) return ids;
    cursor = { beforeRank: last.rank, beforeSeq: last.seq };
  }
}

describe('the ranked search, tier by tier', () => {
  it('pages through every match in rank order, each readable one exactly once', async () => {
    await seedBenchDocuments(db.pool, {
      count: DOCUMENTS,
      organization: 'dmtf',
      identifierPrefix: 'RANK',
    });
    expect(await seedBenchTexts(db.pool, { identifierPrefix: 'RANK' })).toBe(DOCUMENTS);
    // Matches in the metadata, spread over old and new documents, and a rare word in a few files.
    await db.pool.query(
      `update documents set title = title || ' term0042 quasar' where identifier like 'RANK-%'
          and substr(identifier, 6)::int % 97 = 0`,
    );
    await db.pool.query(
      `update documents set abstract = abstract || ' zoning for term0042' where identifier like 'RANK-%'
          and substr(identifier, 6)::int % 331 = 0`,
    );
    await db.pool.query(
      `update version_text_pages set body = body || ' a quasar' where version_id in (
         select v.id from document_versions v join documents d on d.id = v.document_id
          where d.identifier like 'RANK-%' and substr(d.identifier, 6)::int % 401 = 0)`,
    );
    // A withdrawn version's words find nothing.
    await db.pool.query(
      `update document_versions set withdrawn_at = now() where document_id in (
         select id from documents where identifier like 'RANK-%' and substr(identifier, 6)::int % 20 in (1, 10))`,
    );
    await db.pool.query('analyze');

    for (const [what, search] of Object.entries(SEARCHES)) {
      for (const viewers of [[], ['ofa'], ['dmtf']]) {
        const expected = await rankedAtOnce(viewers, search);
        // The fixture gives each kind of search matches to page through (the owner reads all).
        if (viewers.includes('dmtf')) expect(expected.length, what).toBeGreaterThan(0);
        expect(await rankedInPages(viewers, search), `${what} for ${viewers}`).toEqual(expected);
      }
    }
  }, 240_000);
});
