import {
  deleteCommitment,
  deleteContact,
  deleteMilestone,
  lockCommitment,
  lockContact,
  lockMilestone,
  type Pool,
  withTransaction,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditRegisterEdit, notFoundItem, openRegisterForEdit } from './register-edits.js';

const ITEMS = {
  milestone: { lock: lockMilestone, remove: deleteMilestone },
  commitment: { lock: lockCommitment, remove: deleteCommitment },
  contact: { lock: lockContact, remove: deleteContact },
};

export type RegisterItemKind = keyof typeof ITEMS;

/**
 * Removes a milestone, documentation commitment or point of contact (admins of a party); the
 * audit event keeps what it said.
 */
export async function removeRegisterItem(
  pool: Pool,
  context: RequestContext,
  slug: string,
  kind: RegisterItemKind,
  id: string,
): Promise<void> {
  const item = ITEMS[kind];
  await withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const removed = (await item.lock(client, edit.record.id, id)) ?? notFoundItem(kind);
    await item.remove(client, id);
    await auditRegisterEdit(client, context, edit, `register.${kind}.remove`, { [kind]: removed });
  });
}
