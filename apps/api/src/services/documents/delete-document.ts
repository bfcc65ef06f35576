import { deleteDocumentRow, lockDocument, type Pool, withTransaction } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import { removeStoredObjects } from '../remove-stored-objects.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableDocument, subjectOf } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';

export async function deleteDocument(
  deps: { pool: Pool; storage: ObjectStorage; log: FastifyBaseLogger },
  context: RequestContext,
  id: string,
) {
  requireUser(context.actor);
  const keys = await withTransaction(deps.pool, async (client) => {
    await lockDocument(client, id);
    const current = await findReadableDocument(client, context.actor, id);
    requireDocumentActions(context.actor, subjectOf(current), ['delete']);
    const storageKeys = await deleteDocumentRow(client, id);
    await auditAction(client, context, current.organization, {
      action: 'document.delete',
      objectType: 'document',
      objectId: id,
      details: {
        identifier: current.identifier,
        title: current.title,
        versions: storageKeys.length,
      },
    });
    return storageKeys;
  });
  // The rows are gone, so the files are unreachable; removing them now is tidiness, and whatever
  // fails here the reaper removes later.
  await removeStoredObjects(deps, keys, 'a discarded object');
}
