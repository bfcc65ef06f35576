import { deleteStatement as deleteStatementRows, type Pool, withTransaction } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { removeStoredObjects } from '../remove-stored-objects.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { auditStatement, requireDraft } from './change-statement.js';
import { findReadableStatement, requireStatementAction } from './statement-view.js';

/**
 * Discards a draft with its attachments. The rows go in one transaction with the audit event;
 * the objects after it commits (one left behind by a failure is the reaper's).
 */
export async function deleteStatement(
  deps: { pool: Pool; storage: ObjectStorage; log: FastifyBaseLogger },
  context: RequestContext,
  id: string,
): Promise<void> {
  requireUser(context.actor);
  const keys = await withTransaction(deps.pool, async (client) => {
    const current = await findReadableStatement(client, context.actor, id, { lock: true });
    requireStatementAction(context.actor, current, 'edit');
    requireDraft(current);
    const storageKeys = await deleteStatementRows(client, id);
    await auditStatement(client, context, current, {
      action: 'statement.delete',
      details: { title: current.title, attachments: storageKeys.length },
    });
    return storageKeys;
  });
  await removeStoredObjects(deps, keys, 'a discarded object');
}
