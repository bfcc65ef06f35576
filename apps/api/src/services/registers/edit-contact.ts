import type { ContactChange, RegisterContact } from '@liaison/core';
import { lockContact, type Pool, updateContact, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { contactProblems } from './item-rules.js';
import {
  auditRegisterEdit,
  notFoundItem,
  openRegisterForEdit,
  rejectProblems,
} from './register-edits.js';

/** Changes a point of contact, e.g. names the one the register left open. */
export async function editContact(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: ContactChange,
): Promise<RegisterContact> {
  return withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const before = (await lockContact(client, edit.record.id, id)) ?? notFoundItem('contact');
    const after = { ...before, ...change };
    rejectProblems(contactProblems(after, edit.subject.parties));
    const saved = await updateContact(client, after);
    await auditRegisterEdit(client, context, edit, 'register.contact.edit', {
      contactId: id,
      from: before,
      to: saved,
    });
    return saved;
  });
}
