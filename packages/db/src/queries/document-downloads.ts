import type { Queryable } from '../queryable.js';

/** One download of a version of a document, as the audit log recorded it. */
export interface DocumentDownloadRecord {
  /** The audit event's id: the cursor of the next page. */
  id: string;
  occurredAt: Date;
  /** The reader's name as it is now, or null when the account is gone. */
  readerName: string | null;
  readerEmail: string | null;
  /** The organization the reader downloaded it on behalf of; null for the operator's own reads. */
  organization: string | null;
  organizationName: string | null;
  versionId: string;
  versionLabel: string;
  /** Set when the reader was sent a watermarked copy: the id stamped on it. */
  downloadId: string | null;
}

/**
 * The downloads of a document's versions, newest first: audit events `version.download` (a preview
 * shown in the browser is `version.view` and is not counted), `limit` of them with an id below
 * `before`.
 */
export async function listDocumentDownloads(
  db: Queryable,
  documentId: string,
  page: { limit: number; before?: string },
): Promise<DocumentDownloadRecord[]> {
  const result = await db.query<DocumentDownloadRecord>(
    `select e.id::text as id, e.occurred_at as "occurredAt", u.name as "readerName",
            e.actor_email as "readerEmail", b.slug as organization, b.name as "organizationName",
            e.object_id as "versionId", coalesce(v.label, e.details->>'label') as "versionLabel",
            e.details->>'downloadId' as "downloadId"
       from audit_events e
       left join users u on u.id = e.actor_id
       left join organizations b on b.id = e.on_behalf_of_id
       left join document_versions v on v.id::text = e.object_id
      where e.action = 'version.download' and e.details->>'documentId' = $1
        and ($2::bigint is null or e.id < $2)
      order by e.id desc
      limit $3`,
    [documentId, page.before ?? null, page.limit],
  );
  return result.rows;
}
