import type { Readable } from 'node:stream';
import { isShownInline, NotFoundError } from '@liaison/core';
import {
  findSubmissionFile,
  type Pool,
  recordAuditEvent,
  type SubmissionFileRecord,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../../http/range.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableSubmission, sideOrganization } from './submission-view.js';

export type SubmissionFileContent =
  | { kind: 'not-modified'; file: SubmissionFileRecord; etag: string }
  | {
      kind: 'content';
      file: SubmissionFileRecord;
      etag: string;
      range: ByteRange | undefined;
      body: Readable;
    };

/** The bytes of a submission file, whole or a range. Submissions are confidential: every read is audited. */
export async function openSubmissionFile(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: {
    submissionId: string;
    fileId: string;
    range?: string;
    ifNoneMatch?: string;
    /** Shown in the browser rather than saved: audited as a view, not a download. */
    inline?: boolean;
  },
): Promise<SubmissionFileContent> {
  requireUser(context.actor);
  const record = await findReadableSubmission(deps.pool, context.actor, request.submissionId);
  const file = await findSubmissionFile(deps.pool, request.submissionId, request.fileId);
  if (!file) throw new NotFoundError('No such file');
  const etag = storedFileEtag(file.sha256);
  const range = resolveConditionalRead(request, etag, file.size);
  const audit = () =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, [sideOrganization(context.actor, record)]),
      action:
        request.inline && isShownInline(file.mediaType)
          ? 'submission.file.view'
          : 'submission.file.download',
      objectType: 'submission',
      objectId: record.id,
      organization: sideOrganization(context.actor, record),
      details: {
        fileId: file.id,
        filename: file.filename,
        ...(range === 'not-modified'
          ? { notModified: true }
          : range
            ? { range: `${range.start}-${range.end}` }
            : {}),
      },
    });
  if (range === 'not-modified') {
    await audit();
    return { kind: 'not-modified', file, etag };
  }
  const body = await deps.storage.getStream(file.storageKey, range);
  await audit().catch((error: unknown) => {
    body.destroy();
    throw error;
  });
  return { kind: 'content', file, etag, range, body };
}
