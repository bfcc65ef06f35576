import type { Queryable } from '../queryable.js';
import type { StoredFileRecord } from './stored-file.js';

/** Where a version's text stands: written by the extraction job, read by search and compare. */
export type VersionTextStatus = 'pending' | 'extracted' | 'failed' | 'unsupported';

export interface VersionTextPage {
  /** The PDF page it was found on; 1 for files without pages. */
  page: number;
  body: string;
}

export interface VersionText {
  status: VersionTextStatus;
  /** Why there is no text ("encrypted PDF", "time limit"), for `failed` and `unsupported`. */
  failure: string | null;
  extractedAt: Date | null;
  pages: VersionTextPage[];
}

/** Replaces the version's pages and marks its text extracted; call inside one transaction. */
export async function saveVersionText(
  db: Queryable,
  versionId: string,
  pages: VersionTextPage[],
): Promise<void> {
  await db.query('delete from version_text_pages where version_id = $1', [versionId]);
  if (pages.length > 0) {
    await db.query(
      `insert into version_text_pages (version_id, document_id, page, body)
       select v.id, v.document_id, p.page, p.body
         from document_versions v, unnest($2::int[], $3::text[]) as p(page, body)
        where v.id = $1`,
      [versionId, pages.map((page) => page.page), pages.map((page) => page.body)],
    );
  }
  await db.query(
    `update document_versions
        set text_status = 'extracted', text_failure = null, text_extracted_at = now()
      where id = $1`,
    [versionId],
  );
}

/** Records that the version has no text, and why; removes any text an earlier run stored. */
export async function markVersionTextMissing(
  db: Queryable,
  versionId: string,
  status: 'failed' | 'unsupported' | 'pending',
  failure: string | null,
): Promise<void> {
  await db.query('delete from version_text_pages where version_id = $1', [versionId]);
  await db.query(
    `update document_versions
        set text_status = $2, text_failure = $3, text_extracted_at = case when $2 = 'pending' then null else now() end
      where id = $1`,
    [versionId, status, failure],
  );
}

/** The version's text status and pages in page order; undefined when there is no such version. */
export async function readVersionText(
  db: Queryable,
  versionId: string,
): Promise<VersionText | undefined> {
  const version = await db.query<Omit<VersionText, 'pages'>>(
    `select text_status as status, text_failure as failure, text_extracted_at as "extractedAt"
       from document_versions where id = $1`,
    [versionId],
  );
  const found = version.rows[0];
  if (!found) return undefined;
  const pages = await db.query<VersionTextPage>(
    'select page, body from version_text_pages where version_id = $1 order by page',
    [versionId],
  );
  return { ...found, pages: pages.rows };
}

/** What the extraction job needs to read a version's file. */
export type VersionFile = Pick<StoredFileRecord, 'storageKey' | 'mediaType' | 'filename' | 'size'>;

export async function findVersionFile(
  db: Queryable,
  versionId: string,
): Promise<VersionFile | undefined> {
  const result = await db.query<VersionFile>(
    `select storage_key as "storageKey", media_type as "mediaType", filename, size::float8 as size
       from document_versions where id = $1`,
    [versionId],
  );
  return result.rows[0];
}

/**
 * Locks the version row until the transaction ends, so its text is not saved for a version being
 * deleted; false when it is gone.
 */
export async function lockVersionForText(db: Queryable, versionId: string): Promise<boolean> {
  const result = await db.query('select 1 from document_versions where id = $1 for update', [
    versionId,
  ]);
  return result.rowCount === 1;
}

/** Every version's id, oldest first: what a reindex goes through. */
export async function listAllVersionIds(db: Queryable): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    'select id from document_versions order by created_at, id',
  );
  return result.rows.map((row) => row.id);
}
