import type { DocumentStatus, Visibility } from '@liaison/core';
import { type Pool, withTransaction } from '../pool.js';
import type { Queryable } from '../queryable.js';
import { listRankedSearch } from './ranked-search.js';
import { readableDocumentCondition } from './readable-documents.js';

export interface DocumentRecord {
  id: string;
  seq: string;
  organization: string;
  identifier: string;
  title: string;
  abstract: string;
  status: DocumentStatus;
  visibility: Visibility;
  /** Whether its PDFs are stamped for readers outside the owner organization (when not public). */
  watermark: boolean;
  /** Slugs of the registers it is shared under. */
  registers: string[];
  /** Slugs of every party of those registers. */
  registerParties: string[];
  createdAt: Date;
  updatedAt: Date;
  /** When it last became released (public, informational or standard); null while it is not. */
  releasedAt: Date | null;
  /** Orders releases (newest last) and is the keyset of `sort: 'released'`; null while unreleased. */
  releaseSeq: string | null;
  latestVersion: {
    id: string;
    label: string;
    changeNote: string;
    filename: string;
    createdAt: string;
  } | null;
}

export const DOCUMENT_SELECT = `
  select d.id, d.seq::text as seq, o.slug as organization, d.identifier, d.title, d.abstract,
         d.status, d.visibility, d.watermark, d.created_at as "createdAt", d.updated_at as "updatedAt",
         d.released_at as "releasedAt", d.release_seq::text as "releaseSeq",
         coalesce((select array_agg(r.slug order by r.slug) from document_registers dr
                     join work_registers r on r.id = dr.register_id where dr.document_id = d.id), '{}') as registers,
         coalesce((select array_agg(distinct po.slug) from document_registers dr
                     join register_parties p on p.register_id = dr.register_id
                     join organizations po on po.id = p.organization_id where dr.document_id = d.id), '{}')
           as "registerParties",
         (select json_build_object('id', v.id, 'label', v.label, 'changeNote', v.change_note,
                                  'filename', v.filename, 'createdAt', v.created_at)
            from document_versions v where v.document_id = d.id and v.withdrawn_at is null
           order by v.created_at desc, v.id desc limit 1) as "latestVersion"
    from documents d
    join organizations o on o.id = d.organization_id`;

export async function findDocument(db: Queryable, id: string): Promise<DocumentRecord | undefined> {
  const result = await db.query<DocumentRecord>(`${DOCUMENT_SELECT} where d.id = $1`, [id]);
  return result.rows[0];
}

/** Locks the document row for the rest of the transaction (concurrent edits queue up). */
export async function lockDocument(db: Queryable, id: string): Promise<DocumentRecord | undefined> {
  await db.query('select 1 from documents where id = $1 for update', [id]);
  return findDocument(db, id);
}

export interface DocumentListFilter {
  /** The caller's organization slugs: the list holds only what they may read. */
  viewerOrganizations: readonly string[];
  /**
   * Words to find in the metadata or in the text of a version the viewer can read (see
   * parseSearchQuery in packages/core). With the default sort, matches are ranked: identifier or
   * title first, then the abstract, then the files' text; newest first within each rank.
   */
  search?: DocumentSearch;
  organization?: string;
  status?: DocumentStatus;
  visibility?: Visibility;
  register?: string;
  /**
   * true: only released documents (public and informational or standard) with a version that is not
   * withdrawn; false: only the rest.
   */
  released?: boolean;
  /**
   * 'created' (default): newest first by creation, `beforeSeq` is a seq. 'released': released
   * documents with a version only, newest release first, `beforeSeq` is a release_seq.
   * 'identifier' and 'title': alphabetical (ignoring case), ties by id; the page starts `after`.
   */
  sort?: DocumentListSort;
  limit: number;
  /** Only documents before this one in the sort order (the previous page's cursor). */
  beforeSeq?: string;
  /** With a ranked search: the rank of the previous page's last document (with `beforeSeq`). */
  beforeRank?: number;
  /** With an alphabetical sort: the previous page's last document's `sortKey` and id. */
  after?: { sortKey: string; id: string };
}

export type DocumentListSort = 'created' | 'released' | 'identifier' | 'title';

/** The alphabetical sorts' keys: each has its index (lower(…), id), so a page is an index range. */
const ALPHABETICAL_KEYS = {
  identifier: 'lower(d.identifier)',
  title: 'lower(d.title)',
} as const;

export interface DocumentSearch {
  /** For to_tsquery('english', …), built from lexemes, never the caller's text as such. */
  tsquery: string;
  /** The same, restricted to the identifier and title (weights A and B). */
  titleTsquery: string;
  /** An exact identifier (any case) to rank first. */
  identifier: string | null;
}

/** A ranked search match: 0 identifier or title, 1 abstract, 2 only the text of a file. */
export interface RankedDocumentRecord extends DocumentRecord {
  rank: number;
  /** With an alphabetical sort: the key it is ordered by (for the next page's `after`). */
  sortKey: string | null;
}

/**
 * The documents whose metadata matches `$2` (or whose identifier is `$10`), or the text of one of
 * whose versions that is not withdrawn does: one set from the GIN indexes. Used by the sorts that
 * are not ranked (alphabetical, released); the ranked search reads its tiers one after another
 * (ranked-search.ts).
 */
const MATCHING_DOCUMENTS = `(
  select m.id from documents m
   where m.search @@ to_tsquery('english', $2::text) or lower(m.identifier) = lower($10::text)
  union
  select tv.document_id from version_text_pages tp join document_versions tv on tv.id = tp.version_id
   where tp.search @@ to_tsquery('english', $2::text) and tv.withdrawn_at is null)`;

/**
 * Released and with a file to read: a released document whose every version is withdrawn (or that
 * has none yet) is listed with the others until it has one, so released lists and feeds never
 * offer a document without a file.
 */
const LISTED_AS_RELEASED = `(d.visibility = 'public' and d.status in ('informational', 'standard')
  and exists (select 1 from document_versions cv where cv.document_id = d.id and cv.withdrawn_at is null))`;

/**
 * The list's read rule (`$1`, the viewer's organizations) and filters (`$3` owner id, `$4` status,
 * `$5` visibility, `$6` register slug, `$9` released), for a query over `documents d` whose
 * keyset column is `key`.
 */
export function listedDocumentConditions(key: string): string {
  return `${readableDocumentCondition('$1::text[]')}
        and ($3::uuid is null or d.organization_id = $3)
        and ($4::text is null or d.status = $4)
        and ($5::text is null or d.visibility = $5)
        and ($6::text is null or exists (select 1 from document_registers fr join work_registers f on f.id = fr.register_id
                                          where fr.document_id = d.id and f.slug = $6))
        and ${key} is not null
        and ($9::boolean is null or ${LISTED_AS_RELEASED} = $9)`;
}

/**
 * The owner's id, not its slug, goes into the list's query: the planner then knows how many
 * documents that organization has, and reads a small one's through its index instead of walking
 * every document newest first (60 ms at 100,000 documents). Undefined: no such organization.
 */
export async function listedOwnerId(
  db: Queryable,
  organization: string | undefined,
): Promise<string | null | undefined> {
  if (organization === undefined) return null;
  const owner = await db.query<{ id: string }>('select id from organizations where slug = $1', [
    organization,
  ]);
  return owner.rows[0]?.id;
}

export async function listReadableDocuments(
  db: Queryable,
  filter: DocumentListFilter,
): Promise<RankedDocumentRecord[]> {
  const alphabetical =
    filter.sort === 'identifier' || filter.sort === 'title' ? ALPHABETICAL_KEYS[filter.sort] : null;
  if (filter.search !== undefined && !alphabetical && filter.sort !== 'released') {
    return listRankedSearch(db, { ...filter, search: filter.search });
  }
  const ownerId = await listedOwnerId(db, filter.organization);
  if (ownerId === undefined) return [];
  // Fixed keysets, never caller text: released documents by release_seq, all by seq, or by an
  // alphabetical key and id.
  const key = filter.sort === 'released' ? 'd.release_seq' : 'd.seq';
  const after = alphabetical
    ? `($7::text is null or (${alphabetical}, d.id) > ($7::text, $11::uuid))`
    : `($7::bigint is null or ${key} < $7)`;
  const order = alphabetical ? `${alphabetical}, d.id` : `${key} desc`;
  const columns = `0 as rank, ${alphabetical ?? 'null'} as "sortKey", `;
  const result = await db.query<RankedDocumentRecord>(
    `${DOCUMENT_SELECT.replace('select ', `select ${columns}`)}
      where ${listedDocumentConditions(key)}
        ${
          // Without "or" around it, the planner reads the matches first and fetches their
          // documents by id, instead of walking every document to test each against the set.
          filter.search
            ? `and d.id in ${MATCHING_DOCUMENTS}`
            : 'and $2::text is null and $10::text is null'
        }
        ${filter.sort === 'released' ? `and ${LISTED_AS_RELEASED}` : ''}
        and ${after}
      order by ${order}
      limit $8`,
    [
      filter.viewerOrganizations,
      filter.search?.tsquery ?? null,
      ownerId,
      filter.status ?? null,
      filter.visibility ?? null,
      filter.register ?? null,
      alphabetical ? (filter.after?.sortKey ?? null) : (filter.beforeSeq ?? null),
      filter.limit,
      filter.released ?? null,
      filter.search?.identifier ?? null,
      // PostgreSQL refuses parameters a statement does not use.
      ...(alphabetical ? [filter.after?.id ?? null] : []),
    ],
  );
  return result.rows;
}

export interface NewDocument
  extends Pick<
    DocumentRecord,
    'organization' | 'identifier' | 'title' | 'abstract' | 'status' | 'visibility'
  > {
  /** Generated by the database unless given (when its files are stored before its row). */
  id?: string;
  /** Off unless given: callers that make new documents apply the default of `defaultWatermark`. */
  watermark?: boolean;
  createdBy: string | null;
}

/** Inserts the document; undefined when the organization already has this identifier. */
export async function insertDocument(
  db: Queryable,
  document: NewDocument,
): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `insert into documents (id, organization_id, identifier, title, abstract, status, visibility, watermark, created_by)
     select coalesce($8::uuid, gen_random_uuid()), o.id, $2, $3, $4, $5, $6, coalesce($9::boolean, false), $7
       from organizations o where o.slug = $1
     on conflict (organization_id, identifier) do nothing
     returning id`,
    [
      document.organization,
      document.identifier,
      document.title,
      document.abstract,
      document.status,
      document.visibility,
      document.createdBy,
      document.id ?? null,
      document.watermark ?? null,
    ],
  );
  return result.rows[0]?.id;
}

export async function updateDocumentFields(
  db: Queryable,
  id: string,
  fields: {
    title?: string;
    abstract?: string;
    status?: DocumentStatus;
    visibility?: Visibility;
    watermark?: boolean;
  },
): Promise<void> {
  await db.query(
    `update documents set title = coalesce($2, title), abstract = coalesce($3, abstract),
            status = coalesce($4, status), visibility = coalesce($5, visibility),
            watermark = coalesce($6, watermark), updated_at = now()
      where id = $1`,
    [
      id,
      fields.title ?? null,
      fields.abstract ?? null,
      fields.status ?? null,
      fields.visibility ?? null,
      fields.watermark ?? null,
    ],
  );
}

export async function replaceDocumentRegisters(
  db: Queryable,
  id: string,
  registerSlugs: readonly string[],
) {
  await db.query('delete from document_registers where document_id = $1', [id]);
  await db.query(
    `insert into document_registers (document_id, register_id)
     select $1, r.id from work_registers r where r.slug = any($2::text[])`,
    [id, registerSlugs],
  );
}

/** Of the given register slugs, those that do not exist or whose parties exclude `organization`. */
export async function registersNotSharedBy(
  db: Queryable,
  organization: string,
  registerSlugs: readonly string[],
): Promise<string[]> {
  const result = await db.query<{ slug: string }>(
    `select wanted.slug from unnest($2::text[]) as wanted(slug)
      where not exists (select 1 from work_registers r
                          join register_parties p on p.register_id = r.id
                          join organizations o on o.id = p.organization_id
                         where r.slug = wanted.slug and o.slug = $1)`,
    [organization, registerSlugs],
  );
  return result.rows.map((row) => row.slug);
}

/** Deletes the document and its version rows; returns the storage keys that held its files. */
export async function deleteDocumentRow(db: Queryable, id: string): Promise<string[]> {
  const keys = await db.query<{ storage_key: string }>(
    'select storage_key from document_versions where document_id = $1',
    [id],
  );
  await db.query('delete from documents where id = $1', [id]);
  return keys.rows.map((row) => row.storage_key);
}

export async function organizationExists(db: Queryable, slug: string): Promise<boolean> {
  const result = await db.query('select 1 from organizations where slug = $1', [slug]);
  return result.rowCount === 1;
}

/** The id of an organization's document with this identifier, if there is one. */
export async function findDocumentId(
  db: Queryable,
  organization: string,
  identifier: string,
): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `select d.id from documents d join organizations o on o.id = d.organization_id
      where o.slug = $1 and d.identifier = $2`,
    [organization, identifier],
  );
  return result.rows[0]?.id;
}

/**
 * `listReadableDocuments` for a search. PostgreSQL's planner does not count the cost of reading
 * (de-TOASTing) the stored tsvector of every page, so for words in more than a few per cent of the
 * files it may pick a sequential scan that reads them all (1.6 s over 20,000 documents) where the
 * GIN index or a walk of the newest documents answers in milliseconds. Seq scans are discouraged
 * for this one transaction only. Its statements are prepared (see ranked-search.ts) but planned
 * each time for their own words, never with a generic plan.
 */
export function searchReadableDocuments(
  pool: Pool,
  filter: DocumentListFilter & { search: DocumentSearch },
): Promise<RankedDocumentRecord[]> {
  return withTransaction(pool, async (client) => {
    await client.query(
      'set local enable_seqscan = off; set local plan_cache_mode = force_custom_plan',
    );
    return listReadableDocuments(client, filter);
  });
}

/** Whether any document is not public (one probe of the visibility index). */
export async function nonPublicDocumentsExist(db: Queryable): Promise<boolean> {
  const result = await db.query(
    `select 1 from documents where visibility in ('partners', 'organization') limit 1`,
  );
  return result.rowCount === 1;
}
