import { ConflictError, NotFoundError } from '@liaison/core';
import {
  findVersion,
  lockDocument,
  markVersionWithdrawn,
  type Pool,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableDocument, loadDocument, subjectOf } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';

export async function withdrawVersion(
  pool: Pool,
  context: RequestContext,
  request: { documentId: string; versionId: string; reason: string },
) {
  const { userId } = requireUser(context.actor);
  const record = await withTransaction(pool, async (client) => {
    await lockDocument(client, request.documentId);
    const current = await findReadableDocument(client, context.actor, request.documentId);
    const version = await findVersion(client, request.documentId, request.versionId);
    if (!version) throw new NotFoundError('No such version');
    requireDocumentActions(context.actor, subjectOf(current), ['withdraw-version']);
    if (!(await markVersionWithdrawn(client, version.id, userId, request.reason))) {
      throw new ConflictError('This version is already withdrawn', 'already_withdrawn');
    }
    await auditAction(client, context, current.organization, {
      action: 'version.withdraw',
      objectType: 'version',
      objectId: version.id,
      details: { documentId: current.id, label: version.label, reason: request.reason },
    });
    return current;
  });
  return loadDocument(pool, record, context.actor);
}
