import type { Queryable } from '../queryable.js';

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
      `insert into version_text_pages (version_id, page, body)
       select $1, page, body from unnest($2::int[], $3::text[]) as p(page, body)`,
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
