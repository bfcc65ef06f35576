import { NotFoundError } from '@liaison/core';
import { findStatementAttachment, type Pool, type StatementAttachmentRecord } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  type AuditedFileContent,
  type FileReadRequest,
  openAuditedFile,
} from '../audited-file-read.js';
import type { RequestContext } from '../request-context.js';
import { findReadableStatement } from './statement-view.js';

/**
 * The bytes of a statement attachment, whole or a range, for whoever may read the statement
 * (anyone, for a public one). Every read is audited, as correspondence between parties is.
 */
export async function openStatementAttachment(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: FileReadRequest & { statementId: string; attachmentId: string },
): Promise<AuditedFileContent<StatementAttachmentRecord>> {
  const record = await findReadableStatement(deps.pool, context.actor, request.statementId);
  const file = await findStatementAttachment(deps.pool, request.statementId, request.attachmentId);
  if (!file) throw new NotFoundError('No such attachment');
  const parties = [record.from.slug, ...record.to.map((party) => party.slug)];
  return openAuditedFile(deps, context, file, request, {
    action: 'statement.attachment',
    objectType: 'statement',
    objectId: record.id,
    organization: record.from.slug,
    actingFor: parties,
    details: { attachmentId: file.id },
  });
}
