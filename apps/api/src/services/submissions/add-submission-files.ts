import {
  AddSubmissionFilesFields,
  ConflictError,
  InvalidInputError,
  isSubmissionOpenForFiles,
  SUBMISSION_MAX_FILES,
  type Submission,
} from '@liaison/core';
import { insertSubmissionFiles, type SubmissionRecord } from '@liaison/db';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  receiveUploadForm,
  type UploadPart,
  type UploadUseCaseDependencies,
} from '../uploads/receive-upload-form.js';
import { auditedFile, resolveAttachedVersions, withCopiedVersions } from './attached-versions.js';
import { changeSubmission } from './change-submission.js';
import { submissionFileStorageKey } from './storage-keys.js';
import { findReadableSubmission, requireSubmissionAction } from './submission-view.js';

function requireOpenForFiles(record: SubmissionRecord) {
  if (!isSubmissionOpenForFiles(record.state)) {
    throw new ConflictError(
      `A ${record.state} submission takes no more files`,
      'submission_closed',
    );
  }
}

function tooManyFiles(room: number) {
  return new InvalidInputError(
    `A submission holds at most ${SUBMISSION_MAX_FILES} files; this one has room for ${room} more`,
    'too_many_files',
  );
}

/**
 * Adds files to a submission that is still open: uploaded in a multipart form, or copied from
 * document versions named in its `attach` field. Who may, and whether the submission is still
 * open, is checked before any byte is stored and again on the locked row before the rows are
 * written; on any refusal or failure every stored object is removed again. The receiving
 * organization's admins are told.
 */
export async function addSubmissionFiles(
  deps: UploadUseCaseDependencies,
  context: RequestContext,
  id: string,
  parts: AsyncIterable<UploadPart>,
): Promise<Submission> {
  requireUser(context.actor);
  const before = await findReadableSubmission(deps.pool, context.actor, id);
  requireSubmissionAction(context.actor, before, 'add-files');
  requireOpenForFiles(before);
  const room = Math.max(SUBMISSION_MAX_FILES - before.fileCount, 0);

  return receiveUploadForm(
    deps,
    parts,
    {
      fields: AddSubmissionFilesFields,
      maxFiles: { count: room, code: 'too_many_files', message: tooManyFiles(room).message },
      filesOptional: (form) => form.attach !== undefined,
      storageKey: (fileId) => submissionFileStorageKey(id, fileId),
      check: async (form) => ({
        attached: await resolveAttachedVersions(deps.pool, context.actor, form.attach),
      }),
    },
    async ({ checked: { attached }, files: uploaded }) => {
      if (uploaded.length + attached.length > room) throw tooManyFiles(room);
      return withCopiedVersions(deps, id, attached, async (copies) => {
        const files = [...uploaded, ...copies];
        return changeSubmission(deps.pool, context, id, 'add-files', async (client, current) => {
          requireOpenForFiles(current);
          if (current.fileCount + files.length > SUBMISSION_MAX_FILES) {
            throw tooManyFiles(Math.max(SUBMISSION_MAX_FILES - current.fileCount, 0));
          }
          await insertSubmissionFiles(
            client,
            files.map((file) => ({ ...file, submissionId: id })),
          );
          await auditAction(client, context, current.from.slug, {
            action: 'submission.files.add',
            objectType: 'submission',
            objectId: id,
            details: { files: files.map(auditedFile) },
          });
          await submissionMails.filesAdded(client, {
            submissionId: id,
            actorEmail: context.actor.email,
            count: files.length,
          });
        });
      });
    },
  );
}
