import type { Queryable } from '../queryable.js';
import {
  DOCUMENT_SELECT,
  type DocumentListFilter,
  type DocumentSearch,
  listedDocumentConditions,
  listedOwnerId,
  type RankedDocumentRecord,
} from './documents.js';
import { readableDocumentCondition } from './readable-documents.js';

/*
 * A ranked search reads its three tiers one after another, each newest first: identifier or title
 * matches (rank 0), then the other metadata matches (1), then documents found only in the text of
 * a version that is not withdrawn (2). Ranking every match in one query sorts all the matches of a
 * common word (a tenth of 100,000 documents: 60 to 250 ms). Per tier, two ways answer fast, each
 * for its own kind of word: walking the newest documents finds a page of a common word among the
 * first few hundred, and the GIN index gives a rare word's few matches. PostgreSQL's estimates of
 * how common a word is fail often enough (prefixes, several words) to make either choice slow by
 * two orders of magnitude, so the query never relies on them: it walks a bounded window of the
 * newest readable documents first, and asks the index only when the window did not fill the page.
 */

/**
 * How many of the newest documents the caller may read (from the cursor on) a tier walks before
 * asking the index: testing a document's text costs about 10 µs, so a walk costs 15 ms at most.
 * Counted in readable documents, not all, so an anonymous caller, who reads a third of a library,
 * looks as deep into its public documents as a member does into all.
 */
const WALK_WINDOW = 1500;
/**
 * The text tier first walks this many readable documents (3 ms at most) without asking how common
 * the word is: a word in a tenth of the files fills a page within them, and counting its pages
 * through the index would cost as much as the walk.
 */
const FIRST_TEXT_WALK_WINDOW = 300;
/**
 * Past the first window, the text tier walks on only for a word in at least this many pages
 * (counted through the index, up to this many): a walk for a rare word would cost more than
 * reading its matches.
 */
const COMMON_IN_PAGES = 500;

const TITLE_MATCH = `(d.search @@ to_tsquery('english', $11::text) or lower(d.identifier) = lower($10::text))`;
const NOT_TITLE_MATCH = `not coalesce(${TITLE_MATCH}, false)`;
const METADATA_MATCH = `d.search @@ to_tsquery('english', $2::text)`;
/**
 * `offset 0` keeps this a test per document (a walk), not a join with every match; `case` tests the
 * text (about 10 µs) only of documents the viewer may read (the planner would test it first). The
 * version (not withdrawn) is looked up only for a page that matches.
 */
const TEXT_MATCH_PER_DOCUMENT = `case when ${readableDocumentCondition('$1::text[]')} then exists (
  select 1 from version_text_pages tp
   where tp.document_id = d.id and tp.search @@ to_tsquery('english', $2::text)
     and exists (select 1 from document_versions tv where tv.id = tp.version_id and tv.withdrawn_at is null)
  offset 0) else false end`;
const TEXT_MATCHES = `array(
  select tv.document_id from version_text_pages tp join document_versions tv on tv.id = tp.version_id
   where tp.search @@ to_tsquery('english', $2::text) and tv.withdrawn_at is null)`;
/**
 * The sequence numbers of the documents the caller may read, newest first, before the cursor
 * parameter `cursor` (none: from the newest). The inner `d` hides an outer one: the read rule is
 * written for `d`.
 */
const readableSeqsBefore = (cursor: string) => `select d.seq from documents d
   where ${readableDocumentCondition('$1::text[]')} and (${cursor}::bigint is null or d.seq < ${cursor})
   order by d.seq desc`;
/** The newest `size` documents the caller may read, from the cursor on. */
const inWalkWindow = (size: number) =>
  `d.seq > coalesce((${readableSeqsBefore('$7')} offset ${size} limit 1), 0)`;

const statementNames = new Map<string, string>();

/**
 * `text` as a named statement, so each connection parses it once: a search sends up to eight of
 * these long queries, and parsing one took about a millisecond. Each is still planned for its own
 * words (the search's transaction forces custom plans): how common a word is decides the plan.
 */
function preparedOnce(text: string): { name: string; text: string } {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `ranked-search-${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return { name, text };
}

interface Tier {
  /** The tier's matches, tested document by document. */
  walked: string;
  /** The same set, read through the GIN indexes: `array(…)` reads it once, before any document. */
  indexed: string;
}

const TIERS: readonly Tier[] = [
  {
    walked: `${TITLE_MATCH} and $2::text is not null`,
    indexed: `$2::text is not null and d.id = any(array(select m.id from documents m
      where m.search @@ to_tsquery('english', $11::text) or lower(m.identifier) = lower($10::text)))`,
  },
  {
    walked: `${NOT_TITLE_MATCH} and ${METADATA_MATCH}`,
    indexed: `${NOT_TITLE_MATCH} and d.id = any(array(select m.id from documents m
      where m.search @@ to_tsquery('english', $2::text)))`,
  },
  {
    walked: `${NOT_TITLE_MATCH} and not ${METADATA_MATCH} and ${TEXT_MATCH_PER_DOCUMENT}`,
    indexed: `${NOT_TITLE_MATCH} and not ${METADATA_MATCH} and d.id = any(${TEXT_MATCHES})`,
  },
];
const TEXT_TIER = 2;

async function listTier(
  db: Queryable,
  filter: DocumentListFilter & { search: DocumentSearch },
  ownerId: string | null,
  tier: { rank: number; condition: string; beforeSeq: string | null; limit: number },
): Promise<RankedDocumentRecord[]> {
  const result = await db.query<RankedDocumentRecord>({
    ...preparedOnce(`${DOCUMENT_SELECT.replace('select ', `select ${tier.rank} as rank, null as "sortKey", `)}
      where ${listedDocumentConditions('d.seq')}
        and ${tier.condition}
        and ($7::bigint is null or d.seq < $7)
      order by d.seq desc
      limit $8`),
    values: [
      filter.viewerOrganizations,
      filter.search.tsquery,
      ownerId,
      filter.status ?? null,
      filter.visibility ?? null,
      filter.register ?? null,
      tier.beforeSeq,
      tier.limit,
      filter.released ?? null,
      filter.search.identifier,
      filter.search.titleTsquery,
    ],
  });
  return result.rows;
}

/** Whether the text of at least COMMON_IN_PAGES pages matches (any version, any reader). */
async function isCommonInText(db: Queryable, tsquery: string): Promise<boolean> {
  const result = await db.query<{ pages: number }>({
    ...preparedOnce(`select count(*)::int as pages from (
       select 1 from version_text_pages where search @@ to_tsquery('english', $1::text) limit $2) page`),
    values: [tsquery, COMMON_IN_PAGES],
  });
  return (result.rows[0]?.pages ?? 0) >= COMMON_IN_PAGES;
}

/**
 * The text tier's walk, in two steps: the first FIRST_TEXT_WALK_WINDOW readable documents, then
 * the rest of WALK_WINDOW from where the first stopped, when the first found enough matches to
 * expect a full page there or the word is common. A short answer means "ask the index".
 */
async function walkTextTier(
  db: Queryable,
  filter: DocumentListFilter & { search: DocumentSearch },
  ownerId: string | null,
  wanted: { rank: number; beforeSeq: string | null; limit: number },
): Promise<RankedDocumentRecord[]> {
  const condition = (windowSize: number) =>
    `${TIERS[TEXT_TIER]!.walked} and ${inWalkWindow(windowSize)}`;
  const first = await listTier(db, filter, ownerId, {
    ...wanted,
    condition: condition(FIRST_TEXT_WALK_WINDOW),
  });
  if (first.length === wanted.limit) return first;
  const firstEnd = await walkWindowEnd(db, filter, wanted.beforeSeq, FIRST_TEXT_WALK_WINDOW);
  const promising = first.length * WALK_WINDOW >= wanted.limit * FIRST_TEXT_WALK_WINDOW;
  if (firstEnd === null || !(promising || (await isCommonInText(db, filter.search.tsquery)))) {
    return first;
  }
  const rest = await listTier(db, filter, ownerId, {
    ...wanted,
    beforeSeq: firstEnd,
    limit: wanted.limit - first.length,
    condition: condition(WALK_WINDOW - FIRST_TEXT_WALK_WINDOW),
  });
  return [...first, ...rest];
}

/**
 * Where a walk of `size` readable documents from the cursor on stops: the sequence number of the
 * last document in it, or null when fewer than `size` readable documents come after the cursor.
 */
async function walkWindowEnd(
  db: Queryable,
  filter: DocumentListFilter,
  beforeSeq: string | null,
  size: number,
): Promise<string | null> {
  const result = await db.query<{ seq: string }>({
    ...preparedOnce(`${readableSeqsBefore('$2')} offset ${size - 1} limit 1`),
    values: [filter.viewerOrganizations, beforeSeq],
  });
  return result.rows[0]?.seq ?? null;
}

/** One page of a ranked search, from the cursor (`beforeRank`, `beforeSeq`) on. */
export async function listRankedSearch(
  db: Queryable,
  filter: DocumentListFilter & { search: DocumentSearch },
): Promise<RankedDocumentRecord[]> {
  const ownerId = await listedOwnerId(db, filter.organization);
  if (ownerId === undefined) return [];
  const page: RankedDocumentRecord[] = [];
  const firstRank = filter.beforeSeq === undefined ? 0 : (filter.beforeRank ?? 0);
  for (let rank = firstRank; rank < TIERS.length && page.length < filter.limit; rank++) {
    const tier = TIERS[rank]!;
    const wanted = {
      rank,
      beforeSeq: rank === firstRank ? (filter.beforeSeq ?? null) : null,
      limit: filter.limit - page.length,
    };
    const walked =
      rank === TEXT_TIER
        ? await walkTextTier(db, filter, ownerId, wanted)
        : await listTier(db, filter, ownerId, {
            ...wanted,
            condition: `${tier.walked} and ${inWalkWindow(WALK_WINDOW)}`,
          });
    page.push(
      ...(walked.length === wanted.limit
        ? walked
        : await listTier(db, filter, ownerId, { ...wanted, condition: tier.indexed })),
    );
  }
  return page;
}
