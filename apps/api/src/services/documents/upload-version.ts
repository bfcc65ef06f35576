import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ConflictError, InvalidInputError, PayloadTooLargeError } from '@liaison/core';
import {
  normalizeMediaType,
  validateUploadFilename,
  validateVersionLabel,
} from '@liaison/core/server';
import {
  findVersion,
  insertVersion,
  labelTaken,
  type Pool,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import {
  type ObjectStorage,
  ObjectTooLargeError,
  SourceStreamError,
  type StoredObject,
} from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableDocument, subjectOf, toVersion } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';
import { versionStorageKey } from './storage-keys.js';

/** One part of the upload form, in the order the client sent them. */
export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; mediaType: string; stream: Readable };

export interface UploadDependencies {
  pool: Pool;
  storage: ObjectStorage;
  log: FastifyBaseLogger;
  maxUploadBytes: number;
}

interface StoredUpload {
  versionId: string;
  key: string;
  filename: string;
  mediaType: string;
  object: StoredObject;
}

function storageFailure(error: unknown): unknown {
  if (error instanceof ObjectTooLargeError) {
    return new PayloadTooLargeError(`The file is larger than the limit of ${error.limit} bytes`);
  }
  if (error instanceof SourceStreamError) {
    const cause = (error as { cause?: { statusCode?: number } }).cause;
    if (cause?.statusCode === 413)
      return new PayloadTooLargeError('The file is larger than the limit');
    return new InvalidInputError(
      'The upload ended before the file was complete',
      'incomplete_upload',
    );
  }
  return error;
}

/**
 * Streams one file into storage as a new version of a document. The version row is written only
 * after the object is fully stored, in one transaction with its audit event; on any failure the
 * object is removed again, so a failed upload leaves nothing behind.
 */
export async function uploadVersion(
  deps: UploadDependencies,
  context: RequestContext,
  documentId: string,
  parts: AsyncIterable<UploadPart>,
) {
  const { userId } = requireUser(context.actor);
  const record = await findReadableDocument(deps.pool, context.actor, documentId);
  requireDocumentActions(context.actor, subjectOf(record), ['upload']);

  let label: string | undefined;
  let stored: StoredUpload | undefined;
  try {
    for await (const part of parts) {
      if (part.kind === 'field') {
        if (part.name !== 'label') {
          throw new InvalidInputError(
            `Unknown field '${part.name}'; send 'label' and 'file'`,
            'unknown_field',
          );
        }
        if (label !== undefined || stored) {
          throw new InvalidInputError("Send one 'label' field, before the file", 'invalid_form');
        }
        label = validateVersionLabel(part.value);
        if (await labelTaken(deps.pool, documentId, label)) {
          throw new ConflictError(
            `This document already has a version ${label}`,
            'duplicate_label',
          );
        }
        continue;
      }
      if (part.name !== 'file') {
        throw new InvalidInputError(
          `Unknown file field '${part.name}'; the file goes in 'file'`,
          'unknown_field',
        );
      }
      if (stored)
        throw new InvalidInputError('Send exactly one file per version', 'multiple_files');
      if (label === undefined) {
        throw new InvalidInputError(
          "Send the 'label' field before the 'file' field",
          'label_missing',
        );
      }
      const filename = validateUploadFilename(part.filename);
      const mediaType = normalizeMediaType(part.mediaType);
      const versionId = randomUUID();
      const key = versionStorageKey(documentId, versionId);
      const object = await deps.storage
        .putStream(key, part.stream, { contentType: mediaType, maxBytes: deps.maxUploadBytes })
        .catch((error: unknown) => {
          throw storageFailure(error);
        });
      stored = { versionId, key, filename, mediaType, object };
    }
    if (label === undefined)
      throw new InvalidInputError("The 'label' field is missing", 'label_missing');
    if (!stored) throw new InvalidInputError("The 'file' field is missing", 'file_missing');

    const upload = stored;
    const versionLabel = label;
    await withTransaction(deps.pool, async (client) => {
      const inserted = await insertVersion(client, {
        id: upload.versionId,
        documentId,
        label: versionLabel,
        filename: upload.filename,
        size: upload.object.size,
        mediaType: upload.mediaType,
        sha256: upload.object.sha256,
        storageKey: upload.key,
        createdBy: userId,
      });
      if (!inserted) {
        throw new ConflictError(
          `This document already has a version ${versionLabel}`,
          'duplicate_label',
        );
      }
      await recordAuditEvent(client, {
        ...auditedBy(context, [record.organization]),
        action: 'version.upload',
        objectType: 'version',
        objectId: upload.versionId,
        organization: record.organization,
        details: {
          documentId,
          label: versionLabel,
          filename: upload.filename,
          size: upload.object.size,
          sha256: upload.object.sha256,
        },
      });
    });
  } catch (error) {
    if (stored) {
      const key = stored.key;
      await deps.storage
        .delete(key)
        .catch((cleanup: unknown) =>
          deps.log.warn(
            { err: cleanup, key },
            'could not remove the object of a failed upload; the reaper will',
          ),
        );
    }
    throw error;
  }

  const version = await findVersion(deps.pool, documentId, stored.versionId);
  return toVersion(version!);
}
