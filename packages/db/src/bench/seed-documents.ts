import type { Queryable } from '../queryable.js';

export interface BenchDocumentsOptions {
  /** How many documents to add. */
  count: number;
  /** Slug of the owner organization (must exist). */
  organization: string;
  /**
   * Slug of a register the `partners` documents are shared under; omitted means the first register
   * the owner is a party to, if any.
   */
  register?: string;
  /** Prefix of the generated identifiers (`<prefix>-000001` …); default `BENCH`. */
  identifierPrefix?: string;
}

/**
 * Bulk-inserts synthetic documents for benchmarks in a single statement, bypassing the API:
 * visibility cycles public / partners / organization and status cycles through the three values,
 * so list queries see a realistic mix. The `partners` ones are shared under a register. Not for
 * production data: no audit events, no versions. Returns how many documents were inserted.
 */
// Words for titles and abstracts, so a search for one of them matches a share of the documents
// (a topic word 1 in 10, a pair of words fewer) as a real portal's searches do.
const TOPICS = `array['storage', 'network', 'security', 'firmware', 'telemetry', 'power', 'thermal',
  'inventory', 'identity', 'certificate', 'encryption', 'provisioning', 'redundancy',
  'virtualization', 'composability', 'accelerator', 'fabric', 'memory', 'sensor', 'update']`;
const ASPECTS = `array['requirements', 'interoperability', 'profiles', 'conformance', 'schemas',
  'use cases', 'errata']`;

export async function seedBenchDocuments(
  db: Queryable,
  options: BenchDocumentsOptions,
): Promise<number> {
  const { count, organization } = options;
  if (!Number.isSafeInteger(count) || count < 1) throw new TypeError('count must be positive');
  const prefix = options.identifierPrefix ?? 'BENCH';
  const inserted = await db.query<{ n: string }>(
    `with owner as (select id from organizations where slug = $1),
          shared as (
            select r.id from work_registers r
             where ($4::text is not null and r.slug = $4)
                or ($4::text is null and exists (
                      select 1 from register_parties p join owner on owner.id = p.organization_id
                       where p.register_id = r.id))
             order by r.slug limit 1),
          docs as (
            insert into documents (organization_id, identifier, title, abstract, status, visibility)
            select owner.id,
                   $3 || '-' || lpad(i::text, 6, '0'),
                   'Benchmark document ' || i || ' on ' || (${TOPICS})[1 + i % 20],
                   'A synthetic document for benchmarks, number ' || i || ', about '
                     || (${TOPICS})[1 + (i / 20) % 20] || ' and ' || (${ASPECTS})[1 + i % 7] || '.',
                   (array['work-in-progress', 'informational', 'standard'])[1 + i % 3],
                   (array['public', 'partners', 'organization'])[1 + (i / 3) % 3]
              from owner, generate_series(1, $2::int) as i
            returning id, visibility),
          links as (
            insert into document_registers (document_id, register_id)
            select docs.id, shared.id from docs, shared where docs.visibility = 'partners')
     select count(*)::text as n from docs`,
    [organization, count, prefix, options.register ?? null],
  );
  const n = Number(inserted.rows[0]?.n ?? 0);
  if (n === 0)
    throw new Error(`no documents inserted: is there an organization '${organization}'?`);
  return n;
}
