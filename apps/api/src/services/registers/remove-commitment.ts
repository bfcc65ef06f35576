import { deleteCommitment, lockCommitment, type Pool, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditRegisterEdit, notFoundItem, openRegisterForEdit } from './register-edits.js';

/** Removes a documentation commitment (admins of a party). */
export async function removeCommitment(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const commitment =
      (await lockCommitment(client, edit.record.id, id)) ?? notFoundItem('commitment');
    await deleteCommitment(client, id);
    await auditRegisterEdit(client, context, edit, 'register.commitment.remove', { commitment });
  });
}
