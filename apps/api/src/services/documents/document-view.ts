import {
  type Actor,
  allowDocument,
  type Document,
  type DocumentProvenance,
  type DocumentSubject,
  type DocumentSummary,
  type DocumentVersion,
  documentPermissions,
  isCopyWatermarked,
  NotFoundError,
  type PersonShown,
  personShownTo,
} from '@liaison/core';
import {
  type DocumentRecord,
  findDocument,
  listVersions,
  type Queryable,
  type VersionRecord,
} from '@liaison/db';
import { loadDocumentProvenance } from '../submissions/document-provenance.js';

/** What the document policy weighs of a document (of its row, or of another row's document). */
export function subjectOf(
  record: Pick<DocumentRecord, 'organization' | 'visibility' | 'status' | 'registerParties'>,
): DocumentSubject {
  return {
    owner: record.organization,
    visibility: record.visibility,
    status: record.status,
    registerParties: record.registerParties,
  };
}

/** The document if the actor may read it; otherwise NotFoundError, exactly as for a missing one. */
export async function findReadableDocument(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<DocumentRecord> {
  const record = await findDocument(db, id);
  if (!record || !allowDocument(actor, 'read', subjectOf(record))) {
    throw new NotFoundError('No such document');
  }
  return record;
}

function documentFields(record: DocumentRecord, actor: Actor) {
  return {
    id: record.id,
    organization: record.organization,
    identifier: record.identifier,
    title: record.title,
    abstract: record.abstract,
    status: record.status,
    visibility: record.visibility,
    watermark: record.watermark,
    registers: record.registers,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    releasedAt: record.releasedAt ? record.releasedAt.toISOString() : null,
    permissions: documentPermissions(actor, subjectOf(record)),
  };
}

export function toDocumentSummary(record: DocumentRecord, actor: Actor): DocumentSummary {
  const latest = record.latestVersion;
  return {
    ...documentFields(record, actor),
    latestVersion: latest
      ? {
          id: latest.id,
          label: latest.label,
          changeNote: latest.changeNote,
          filename: latest.filename,
          createdAt: new Date(latest.createdAt).toISOString(),
        }
      : null,
  };
}

function shown(
  person: { address: string | null; name: string | null },
  as: PersonShown,
): string | null {
  if (as === 'address') return person.address;
  return as === 'name' ? (person.name ?? null) : null;
}

/** Whether `actor`'s copy of the version's file is stamped (see isCopyWatermarked). */
export function isWatermarkedFor(
  actor: Actor,
  record: DocumentRecord,
  version: Pick<VersionRecord, 'mediaType' | 'filename'>,
): boolean {
  return isCopyWatermarked(
    actor,
    { owner: record.organization, visibility: record.visibility, watermark: record.watermark },
    version,
  );
}

/**
 * The version if `actor` may read its file: a withdrawn version is served only to those who may
 * withdraw versions (the owner's admins); to anyone else it does not exist.
 */
export function servedVersion(
  actor: Actor,
  record: DocumentRecord,
  version: VersionRecord | undefined,
): VersionRecord {
  if (
    !version ||
    (version.withdrawnAt && !allowDocument(actor, 'withdraw-version', subjectOf(record)))
  ) {
    throw new NotFoundError('No such version');
  }
  return version;
}

/** A version as `actor` sees it: uploader and withdrawer as personShownTo allows. */
export function toVersion(
  version: VersionRecord,
  actor: Actor,
  record: DocumentRecord,
): DocumentVersion {
  const as = personShownTo(actor, subjectOf(record));
  return {
    id: version.id,
    label: version.label,
    changeNote: version.changeNote,
    filename: version.filename,
    size: version.size,
    mediaType: version.mediaType,
    sha256: version.sha256,
    createdAt: version.createdAt.toISOString(),
    createdBy: shown({ address: version.createdBy, name: version.createdByName }, as),
    withdrawn: version.withdrawnAt
      ? {
          at: version.withdrawnAt.toISOString(),
          reason: version.withdrawalReason ?? '',
          by: shown({ address: version.withdrawnBy, name: version.withdrawnByName }, as),
        }
      : null,
    watermarked: isWatermarkedFor(actor, record, version),
    text: { status: version.textStatus, failure: version.textFailure },
  };
}

export function toDocument(
  record: DocumentRecord,
  versions: VersionRecord[],
  actor: Actor,
  provenance: DocumentProvenance | null,
): Document {
  const subject = subjectOf(record);
  const seesWithdrawn = allowDocument(actor, 'see-withdrawn-versions', subject);
  return {
    ...documentFields(record, actor),
    versions: versions
      .filter((version) => seesWithdrawn || !version.withdrawnAt)
      .map((version) => toVersion(version, actor, record)),
    provenance,
  };
}

/** The whole document as the actor sees it: its versions and where it came from. */
export async function loadDocument(
  db: Queryable,
  record: DocumentRecord,
  actor: Actor,
): Promise<Document> {
  const [versions, provenance] = await Promise.all([
    listVersions(db, record.id),
    loadDocumentProvenance(db, actor, record.id, subjectOf(record)),
  ]);
  return toDocument(record, versions, actor, provenance);
}
