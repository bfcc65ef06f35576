import { NotFoundError } from '@liaison/core';
import { findSubmissionFile, type Pool, type SubmissionFileRecord } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  type AuditedFileContent,
  type FileReadRequest,
  openAuditedFile,
} from '../audited-file-read.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableSubmission, sideOrganization } from './submission-view.js';

/** The bytes of a submission file, whole or a range. Submissions are confidential: every read is audited. */
export async function openSubmissionFile(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: FileReadRequest & { submissionId: string; fileId: string },
): Promise<AuditedFileContent<SubmissionFileRecord>> {
  requireUser(context.actor);
  const record = await findReadableSubmission(deps.pool, context.actor, request.submissionId);
  const file = await findSubmissionFile(deps.pool, request.submissionId, request.fileId);
  if (!file) throw new NotFoundError('No such file');
  const side = sideOrganization(context.actor, record);
  return openAuditedFile(deps, context, file, request, {
    action: 'submission.file',
    objectType: 'submission',
    objectId: record.id,
    organization: side,
    actingFor: [side],
    details: { fileId: file.id },
  });
}
