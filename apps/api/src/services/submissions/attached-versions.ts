import { randomUUID } from 'node:crypto';
import { type Actor, InvalidInputError, parseAttachedVersions } from '@liaison/core';
import { findVersion, type Queryable, type VersionRecord } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { findReadableDocument, servedVersion } from '../documents/document-view.js';
import { removeStoredOnFailure } from '../remove-stored-objects.js';
import type { StoredFile } from '../uploads/receive-upload-form.js';
import { submissionFileStorageKey } from './storage-keys.js';

/** A document version the submitter may copy into a submission. */
export interface AttachableVersion {
  documentId: string;
  version: VersionRecord;
}

/** A submission file copied from a document version. */
export type CopiedFile = StoredFile & { copiedFrom: { documentId: string; versionId: string } };

/**
 * The versions an `attach` field names, each one the actor may read, not withdrawn, and of a
 * document without watermarks: a copy in a submission would leave the watermark regime (the
 * receiving organization would get the bytes unstamped), so such a file must be uploaded instead.
 * A version the actor cannot read answers 404 exactly like a missing one.
 */
export async function resolveAttachedVersions(
  db: Queryable,
  actor: Actor,
  attach: string | undefined,
): Promise<AttachableVersion[]> {
  if (attach === undefined) return [];
  const resolved: AttachableVersion[] = [];
  for (const { documentId, versionId } of parseAttachedVersions(attach)) {
    const document = await findReadableDocument(db, actor, documentId);
    const version = servedVersion(actor, document, await findVersion(db, documentId, versionId));
    if (version.withdrawnAt) {
      throw new InvalidInputError(
        `Version ${version.label} of ${document.identifier} is withdrawn: attach another version`,
        'version_withdrawn',
      );
    }
    if (document.watermark && document.visibility !== 'public') {
      throw new InvalidInputError(
        `${document.identifier} is watermarked; upload the file instead`,
        'document_watermarked',
      );
    }
    resolved.push({ documentId, version });
  }
  return resolved;
}

/**
 * Copies each version's object into the submission's files inside the store, runs `commit` with
 * the copies, and removes the copies again if anything fails before `commit` returns.
 */
export async function withCopiedVersions<Result>(
  deps: { storage: ObjectStorage; log: FastifyBaseLogger },
  submissionId: string,
  versions: readonly AttachableVersion[],
  commit: (copies: CopiedFile[]) => Promise<Result>,
): Promise<Result> {
  const copies: CopiedFile[] = [];
  const copied = () => copies.map((copy) => copy.storageKey);
  return removeStoredOnFailure(deps, copied, 'an unused copy', async () => {
    for (const { documentId, version } of versions) {
      const id = randomUUID();
      const storageKey = submissionFileStorageKey(submissionId, id);
      await deps.storage.copy(version.storageKey, storageKey);
      copies.push({
        id,
        storageKey,
        filename: version.filename,
        mediaType: version.mediaType,
        size: version.size,
        sha256: version.sha256,
        copiedFrom: { documentId, versionId: version.id },
      });
    }
    return await commit(copies);
  });
}

/** What the audit trail keeps of a file added to a submission. */
export function auditedFile(file: StoredFile & { copiedFrom?: CopiedFile['copiedFrom'] }) {
  return {
    id: file.id,
    filename: file.filename,
    size: file.size,
    sha256: file.sha256,
    ...(file.copiedFrom ? { copiedFrom: file.copiedFrom } : {}),
  };
}
