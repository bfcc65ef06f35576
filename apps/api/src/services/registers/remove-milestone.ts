import { deleteMilestone, lockMilestone, type Pool, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditRegisterEdit, notFoundItem, openRegisterForEdit } from './register-edits.js';

/** Removes a milestone (admins of a party); the audit event keeps what it said. */
export async function removeMilestone(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const milestone =
      (await lockMilestone(client, edit.record.id, id)) ?? notFoundItem('milestone');
    await deleteMilestone(client, id);
    await auditRegisterEdit(client, context, edit, 'register.milestone.remove', { milestone });
  });
}
