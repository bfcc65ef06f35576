import { NotFoundError } from '@liaison/core';
import {
  deleteStatementAttachment,
  findStatementAttachment,
  type Pool,
  touchStatement,
  withTransaction,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { removeStoredObjects } from '../remove-stored-objects.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { recordDraftEdit, requireDraft } from './change-statement.js';
import { findReadableStatement, requireStatementAction } from './statement-view.js';

/** Removes an attachment from a draft: the row with its audit event, then the object. */
export async function removeStatementAttachment(
  deps: { pool: Pool; storage: ObjectStorage; log: FastifyBaseLogger },
  context: RequestContext,
  request: { statementId: string; attachmentId: string },
): Promise<void> {
  const { userId } = requireUser(context.actor);
  const { statementId, attachmentId } = request;
  const storageKey = await withTransaction(deps.pool, async (client) => {
    const current = await findReadableStatement(client, context.actor, statementId, {
      lock: true,
    });
    const attachment = await findStatementAttachment(client, statementId, attachmentId);
    if (!attachment) throw new NotFoundError('No such attachment');
    requireStatementAction(context.actor, current, 'edit');
    requireDraft(current);
    await deleteStatementAttachment(client, attachmentId);
    await touchStatement(client, statementId);
    await recordDraftEdit(client, context, current, {
      actorId: userId,
      note: `Removed ${attachment.filename}`,
      action: 'statement.attachment.remove',
      details: { attachmentId, filename: attachment.filename, sha256: attachment.sha256 },
    });
    return attachment.storageKey;
  });
  await removeStoredObjects(deps, [storageKey], 'a discarded object');
}
