import type { ContactInput, RegisterContact } from '@liaison/core';
import { insertContact, type Pool, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { contactProblems } from './item-rules.js';
import { auditRegisterEdit, openRegisterForEdit, rejectProblems } from './register-edits.js';

/** Adds a point of contact for a party: a role and an address (a person or a mailing list). */
export async function addContact(
  pool: Pool,
  context: RequestContext,
  slug: string,
  input: ContactInput,
): Promise<RegisterContact> {
  return withTransaction(pool, async (client) => {
    const edit = await openRegisterForEdit(client, context, slug);
    const contact = { ...input, open: input.open ?? false };
    rejectProblems(contactProblems(contact, edit.subject.parties));
    const added = await insertContact(client, edit.record.id, contact);
    await auditRegisterEdit(client, context, edit, 'register.contact.add', { contact: added });
    return added;
  });
}
