import { randomUUID } from 'node:crypto';
import {
  ABSTRACT_MAX_LENGTH,
  ConflictError,
  type CreateDocumentFromSubmissionBody,
  defaultWatermark,
  NotFoundError,
  type Submission,
  UnprocessableError,
} from '@liaison/core';
import {
  findDocument,
  findSubmissionFile,
  insertDocument,
  insertVersion,
  type Pool,
  type SubmissionRecord,
  setSubmissionDocument,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { queueTextExtraction } from '../content/queue-text-extraction.js';
import { versionStorageKey } from '../documents/storage-keys.js';
import { removeStoredOnFailure } from '../remove-stored-objects.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { changeSubmission } from './change-submission.js';
import { findReadableSubmission, requireSubmissionAction } from './submission-view.js';

/** Only an accepted submission without a document yet may get one; checked on the locked row. */
function requireAdoptable(record: SubmissionRecord) {
  if (record.state !== 'accepted') {
    throw new ConflictError(
      `Only an accepted submission can become a document; this one is ${record.state}`,
      'not_accepted',
    );
  }
  if (record.document) {
    throw new ConflictError(
      `This submission is already linked to ${record.document.identifier}`,
      'already_linked',
    );
  }
}

/** The submission's description as the document's abstract, cut to fit where it is longer. */
function abstractOf(description: string): string {
  if (description.length <= ABSTRACT_MAX_LENGTH) return description;
  return `${description.slice(0, ABSTRACT_MAX_LENGTH - 1).trimEnd()}…`;
}

/**
 * Makes a new document of the receiving organization (visible to that organization only) whose
 * first version is a copy of one of the submission's files, streamed through object storage.
 * The copy is stored before the rows commit and removed again if they do not.
 */
export async function createDocumentFromSubmission(
  deps: { pool: Pool; storage: ObjectStorage; log: FastifyBaseLogger },
  context: RequestContext,
  id: string,
  input: CreateDocumentFromSubmissionBody,
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  // Checked before copying any byte; checked again on the locked row before committing.
  const before = await findReadableSubmission(deps.pool, context.actor, id);
  requireSubmissionAction(context.actor, before, 'adopt');
  requireAdoptable(before);
  const file = await findSubmissionFile(deps.pool, id, input.fileId);
  if (!file) throw new NotFoundError('No such file in this submission');

  const documentId = randomUUID();
  const versionId = randomUUID();
  const key = versionStorageKey(documentId, versionId);
  const source = await deps.storage.getStream(file.storageKey);
  const copy = await deps.storage.putStream(key, source, { contentType: file.mediaType });
  const copied = () => [key];
  return removeStoredOnFailure(deps, copied, 'an unused copy', async () => {
    if (copy.sha256 !== file.sha256) {
      throw new Error(`The copy of ${file.storageKey} does not match its SHA-256`);
    }
    return await changeSubmission(deps.pool, context, id, 'adopt', async (client, current) => {
      requireAdoptable(current);
      const organization = current.to.slug;
      const created = await insertDocument(client, {
        id: documentId,
        organization,
        identifier: input.identifier,
        title: input.title ?? current.title,
        abstract: input.abstract ?? abstractOf(current.description),
        status: input.status ?? 'work-in-progress',
        visibility: 'organization',
        watermark: defaultWatermark('organization'),
        createdBy: userId,
      });
      if (!created) {
        throw new ConflictError(
          `${organization} already has a document ${input.identifier}`,
          'duplicate_identifier',
        );
      }
      const label = input.versionLabel ?? '1';
      await insertVersion(client, {
        id: versionId,
        documentId,
        label,
        filename: file.filename,
        size: copy.size,
        mediaType: file.mediaType,
        sha256: copy.sha256,
        storageKey: key,
        createdBy: userId,
      });
      await queueTextExtraction(client, versionId);
      await setSubmissionDocument(client, {
        submissionId: id,
        documentId,
        how: 'created',
        by: userId,
      });
      await auditAction(client, context, organization, {
        action: 'submission.document.create',
        objectType: 'submission',
        objectId: id,
        details: {
          documentId,
          identifier: input.identifier,
          versionId,
          label,
          fileId: file.id,
          sha256: copy.sha256,
        },
      });
    });
  });
}

/** Links an existing document of the receiving organization to an accepted submission. */
export async function linkSubmissionDocument(
  pool: Pool,
  context: RequestContext,
  id: string,
  documentId: string,
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  return changeSubmission(pool, context, id, 'adopt', async (client, current) => {
    requireAdoptable(current);
    const document = await findDocument(client, documentId);
    if (!document || document.organization !== current.to.slug) {
      throw new UnprocessableError(
        `${current.to.slug} has no such document`,
        'document_not_of_receiver',
      );
    }
    await setSubmissionDocument(client, {
      submissionId: id,
      documentId,
      how: 'linked',
      by: userId,
    });
    await auditAction(client, context, current.to.slug, {
      action: 'submission.document.link',
      objectType: 'submission',
      objectId: id,
      details: { documentId, identifier: document.identifier },
    });
  });
}
