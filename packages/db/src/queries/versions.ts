import type { Queryable } from '../queryable.js';
import type { StoredFileRecord } from './stored-file.js';
import { pagedStorageKeys } from './stored-object-keys.js';
import type { VersionTextStatus } from './version-texts.js';

export interface VersionRecord extends StoredFileRecord {
  id: string;
  documentId: string;
  label: string;
  /** What changed, as the uploader wrote it; '' for none. */
  changeNote: string;
  createdAt: Date;
  /** The uploader's e-mail address and name. */
  createdBy: string | null;
  createdByName: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  /** Whether its text was extracted (see version-texts.ts), and why not. */
  textStatus: VersionTextStatus;
  textFailure: string | null;
}

const VERSION_SELECT = `
  select v.id, v.document_id as "documentId", v.label, v.change_note as "changeNote", v.filename, v.size::float8 as size,
         v.media_type as "mediaType", v.sha256, v.storage_key as "storageKey", v.created_at as "createdAt",
         creator.email as "createdBy", creator.name as "createdByName", v.withdrawn_at as "withdrawnAt",
         withdrawer.email as "withdrawnBy", withdrawer.name as "withdrawnByName",
         v.withdrawal_reason as "withdrawalReason", v.text_status as "textStatus",
         v.text_failure as "textFailure"
    from document_versions v
    left join users creator on creator.id = v.created_by
    left join users withdrawer on withdrawer.id = v.withdrawn_by`;

/** Every version of the document, newest first. */
export async function listVersions(db: Queryable, documentId: string): Promise<VersionRecord[]> {
  const result = await db.query<VersionRecord>(
    `${VERSION_SELECT} where v.document_id = $1 order by v.created_at desc, v.id desc`,
    [documentId],
  );
  return result.rows;
}

export async function findVersion(
  db: Queryable,
  documentId: string,
  versionId: string,
): Promise<VersionRecord | undefined> {
  const result = await db.query<VersionRecord>(
    `${VERSION_SELECT} where v.document_id = $1 and v.id = $2`,
    [documentId, versionId],
  );
  return result.rows[0];
}

export interface NewVersion extends StoredFileRecord {
  id: string;
  documentId: string;
  label: string;
  /** What changed in it; none by default. */
  changeNote?: string;
  createdBy: string | null;
}

/** Inserts the version row; false when the document already has a version with this label. */
export async function insertVersion(db: Queryable, version: NewVersion): Promise<boolean> {
  const result = await db.query(
    `insert into document_versions (id, document_id, label, filename, size, media_type, sha256, storage_key, created_by, change_note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (document_id, label) do nothing`,
    [
      version.id,
      version.documentId,
      version.label,
      version.filename,
      version.size,
      version.mediaType,
      version.sha256,
      version.storageKey,
      version.createdBy,
      version.changeNote ?? '',
    ],
  );
  if (result.rowCount === 1) {
    await db.query('update documents set updated_at = now() where id = $1', [version.documentId]);
  }
  return result.rowCount === 1;
}

export async function labelTaken(
  db: Queryable,
  documentId: string,
  label: string,
): Promise<boolean> {
  const result = await db.query(
    'select 1 from document_versions where document_id = $1 and label = $2',
    [documentId, label],
  );
  return result.rowCount === 1;
}

/** Marks a version withdrawn; false when it already was. */
export async function markVersionWithdrawn(
  db: Queryable,
  versionId: string,
  by: string | null,
  reason: string,
): Promise<boolean> {
  const result = await db.query(
    `update document_versions set withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3
      where id = $1 and withdrawn_at is null`,
    [versionId, by, reason],
  );
  return result.rowCount === 1;
}

/** Of the given storage keys, those that a version, submission file or comment row references. */
export async function referencedStorageKeys(
  db: Queryable,
  keys: readonly string[],
): Promise<Set<string>> {
  const result = await db.query<{ storage_key: string }>(
    `select storage_key from document_versions where storage_key = any($1::text[])
     union all
     select storage_key from submission_files where storage_key = any($1::text[])
     union all
     select storage_key from statement_attachments where storage_key = any($1::text[])
     union all
     select attachment_storage_key from review_comments
      where attachment_storage_key = any($1::text[])`,
    [keys],
  );
  return new Set(result.rows.map((row) => row.storage_key));
}

/** Every (version id, storage key) pair, in pages, for checking that each object exists. */
export function allVersionKeys(
  db: Queryable,
  pageSize = 1000,
): AsyncGenerator<{ id: string; storageKey: string }> {
  return pagedStorageKeys(db, 'document_versions', pageSize);
}
