import type { Queryable } from '../queryable.js';

/** Words the search bench looks for, planted in a known share of the documents. */
export const BENCH_TEXT_WORDS = {
  /** One synthetic term per this many documents, on average (a "rare" word). */
  vocabulary: 2000,
  /** In every 10th document: the phrase "fabric adapter". */
  phrase: 'fabric adapter',
  /** In every 7th document: zone, zoning, zoned (for `zon*`). */
  prefix: 'zon',
} as const;

/**
 * Gives every benchmark document (seedBenchDocuments, identifiers `<prefix>-…`) one extracted
 * version with about 2 KB of text: 250 terms drawn from a vocabulary of `term0000` … `term1999`,
 * plus the phrase and prefix words in a fixed share of the documents. One statement, no files in
 * storage: for measuring search only. Returns how many versions were added.
 */
export async function seedBenchTexts(
  db: Queryable,
  options: { identifierPrefix?: string } = {},
): Promise<number> {
  const prefix = options.identifierPrefix ?? 'BENCH';
  const inserted = await db.query<{ n: string }>(
    `with docs as (
            select d.id, row_number() over (order by d.seq) as i from documents d
             where d.identifier like $1 || '-%'
               and not exists (select 1 from document_versions v where v.document_id = d.id)),
          versions as (
            insert into document_versions
              (document_id, label, filename, size, media_type, sha256, storage_key, text_status, text_extracted_at)
            select id, '1', 'bench.pdf', 2048, 'application/pdf', repeat('0', 64), 'bench-text/' || id,
                   'extracted', now()
              from docs
            returning id, document_id),
          pages as (
            insert into version_text_pages (version_id, document_id, page, body)
            select versions.id, versions.document_id, 1,
                   (select string_agg('term' || lpad(((docs.i * 7919 + j * 104729) % $2)::text, 4, '0'), ' ')
                      from generate_series(1, 250) as j)
                   || case when docs.i % 10 = 0 then ' the fabric adapter connects the fabric' else '' end
                   || case when docs.i % 7 = 0 then ' each zone has zoning rules for zoned ports' else '' end
              from versions join docs on docs.id = versions.document_id
            returning 1)
     select count(*)::text as n from pages`,
    [prefix, BENCH_TEXT_WORDS.vocabulary],
  );
  return Number(inserted.rows[0]?.n ?? 0);
}
