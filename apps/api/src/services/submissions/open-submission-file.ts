import { NotFoundError } from '@liaison/core';
import {
  findSubmissionFile,
  type Pool,
  recordAuditEvent,
  type SubmissionFileRecord,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  type AuditedFileContent,
  type FileReadRequest,
  openAuditedFile,
} from '../audited-file-read.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableSubmission, sideOrganization } from './submission-view.js';

export type SubmissionFileContent = AuditedFileContent<SubmissionFileRecord>;

/** The bytes of a submission file, whole or a range. Submissions are confidential: every read is audited. */
export async function openSubmissionFile(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: FileReadRequest & { submissionId: string; fileId: string },
): Promise<SubmissionFileContent> {
  requireUser(context.actor);
  const record = await findReadableSubmission(deps.pool, context.actor, request.submissionId);
  const file = await findSubmissionFile(deps.pool, request.submissionId, request.fileId);
  if (!file) throw new NotFoundError('No such file');
  const side = sideOrganization(context.actor, record);
  return openAuditedFile(deps.storage, file, request, ({ verb, details }) =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, [side]),
      action: `submission.file.${verb}`,
      objectType: 'submission',
      objectId: record.id,
      organization: side,
      details: { fileId: file.id, filename: file.filename, ...details },
    }),
  );
}
