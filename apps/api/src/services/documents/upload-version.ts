import { ConflictError, isPdfFile, normalizeChangeNote, VersionFormFields } from '@liaison/core';
import { findVersion, insertVersion, labelTaken, withTransaction } from '@liaison/db';
import { queueTextExtraction } from '../content/queue-text-extraction.js';
import { enqueueFollowerMail } from '../notifications/follower-mail.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  receiveUploadForm,
  type UploadPart,
  type UploadUseCaseDependencies,
} from '../uploads/receive-upload-form.js';
import { findReadableDocument, subjectOf, toVersion } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';
import { assertStampable } from './stamp-watermark.js';
import { stampingTurns } from './stamping-slots.js';
import { versionStorageKey } from './storage-keys.js';

export interface UploadVersionDependencies extends UploadUseCaseDependencies {
  /** Largest PDF a document requiring watermarks accepts (WATERMARK_MAX_BYTES). */
  watermarkMaxBytes: number;
}

function duplicateLabel(label: string) {
  return new ConflictError(`This document already has a version ${label}`, 'duplicate_label');
}

/**
 * Streams one file into storage as a new version of a document, labelled by the form's 'label'
 * field, with the optional 'changeNote' (both before the file); its followers are told. The version row is written in one transaction with its audit event, after the object is
 * stored; a failed upload leaves nothing behind.
 */
export async function uploadVersion(
  deps: UploadVersionDependencies,
  context: RequestContext,
  documentId: string,
  parts: AsyncIterable<UploadPart>,
) {
  const { userId } = requireUser(context.actor);
  const record = await findReadableDocument(deps.pool, context.actor, documentId);
  requireDocumentActions(context.actor, subjectOf(record), ['upload']);

  const versionId = await receiveUploadForm(
    deps,
    parts,
    {
      fields: VersionFormFields,
      trimmed: ['label', 'changeNote'],
      refusals: {
        label: {
          missing: {
            code: 'label_missing',
            message: "Send the 'label' field before the 'file' field",
          },
          invalid: {
            code: 'invalid_label',
            message:
              'The version label must be 1-64 letters, digits, dots, dashes, underscores or pluses, starting with a letter or digit (e.g. 1.2.0)',
          },
        },
      },
      maxFiles: { count: 1, code: 'multiple_files', message: 'Send exactly one file per version' },
      storageKey: (fileId) => versionStorageKey(documentId, fileId),
      fileLimit: (file) =>
        record.watermark && isPdfFile(file)
          ? {
              maxBytes: deps.watermarkMaxBytes,
              message: `This document requires watermarks, and PDFs larger than ${deps.watermarkMaxBytes} bytes cannot be watermarked`,
            }
          : undefined,
      check: async ({ label }) => {
        if (await labelTaken(deps.pool, documentId, label)) throw duplicateLabel(label);
      },
    },
    async ({ fields, files: [file] }) => {
      const { label } = fields;
      const changeNote = normalizeChangeNote(fields.changeNote ?? '');
      const upload = file!;
      // Refused now rather than at every reader's download; the stored object is removed again.
      if (record.watermark && isPdfFile(upload)) {
        const release = await stampingTurns.acquire();
        try {
          await assertStampable(await deps.storage.getBytes(upload.storageKey, upload.size));
        } finally {
          release();
        }
      }
      await withTransaction(deps.pool, async (client) => {
        const inserted = await insertVersion(client, {
          id: upload.id,
          documentId,
          label,
          changeNote,
          filename: upload.filename,
          size: upload.size,
          mediaType: upload.mediaType,
          sha256: upload.sha256,
          storageKey: upload.storageKey,
          createdBy: userId,
        });
        if (!inserted) throw duplicateLabel(label);
        await queueTextExtraction(client, upload.id);
        await auditAction(client, context, record.organization, {
          action: 'version.upload',
          objectType: 'version',
          objectId: upload.id,
          details: {
            documentId,
            label,
            filename: upload.filename,
            size: upload.size,
            sha256: upload.sha256,
          },
        });
        await enqueueFollowerMail(client, {
          kind: 'version',
          document: record,
          version: { id: upload.id, label, changeNote, filename: upload.filename },
        });
      });
      return upload.id;
    },
  );

  const version = await findVersion(deps.pool, documentId, versionId);
  return toVersion(version!, context.actor, record);
}
