import { deleteContact, lockContact, type Pool, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditRegisterEdit, notFoundItem, openRegisterForEdit } from './register-edits.js';

/** Removes a point of contact (admins of a party). */
export async function removeContact(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const contact = (await lockContact(client, edit.record.id, id)) ?? notFoundItem('contact');
    await deleteContact(client, id);
    await auditRegisterEdit(client, context, edit, 'register.contact.remove', { contact });
  });
}
