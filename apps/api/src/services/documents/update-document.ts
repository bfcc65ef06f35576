import { actionsForChange, UnprocessableError, type UpdateDocumentBody } from '@liaison/core';
import {
  findDocument,
  listVersions,
  lockDocument,
  type Pool,
  registersNotSharedBy,
  replaceDocumentRegisters,
  updateDocumentFields,
  withTransaction,
} from '@liaison/db';
import { enqueueDocumentReleaseMail } from '../notifications/document-release-mail.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableDocument, subjectOf, toDocument } from './document-view.js';
import { requireDocumentActions } from './require-document-actions.js';

export async function updateDocument(
  pool: Pool,
  context: RequestContext,
  id: string,
  change: UpdateDocumentBody,
) {
  requireUser(context.actor);
  const record = await withTransaction(pool, async (client) => {
    await lockDocument(client, id);
    const current = await findReadableDocument(client, context.actor, id);
    requireDocumentActions(context.actor, subjectOf(current), actionsForChange(current, change));
    if (change.registers) {
      const notShared = await registersNotSharedBy(client, current.organization, change.registers);
      if (notShared.length > 0) {
        throw new UnprocessableError(
          `${current.organization} is not a party of: ${notShared.join(', ')}`,
          'register_not_shared',
        );
      }
    }

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['title', 'abstract', 'status', 'visibility'] as const) {
      const to = change[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    const registers = change.registers ? [...change.registers].sort() : undefined;
    if (registers && registers.join() !== current.registers.join()) {
      changes.registers = { from: current.registers, to: registers };
    }
    if (Object.keys(changes).length === 0) return current;

    await updateDocumentFields(client, id, change);
    if (registers) await replaceDocumentRegisters(client, id, registers);
    await auditAction(client, context, current.organization, {
      action: 'document.update',
      objectType: 'document',
      objectId: id,
      details: { changes },
    });
    const updated = (await findDocument(client, id))!;
    await enqueueDocumentReleaseMail(client, current, updated);
    return updated;
  });
  return toDocument(record, await listVersions(pool, id), context.actor);
}
