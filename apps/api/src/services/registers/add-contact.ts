import type { ContactInput, RegisterContact } from '@liaison/core';
import { insertContact, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { contactProblems } from './item-rules.js';
import {
  recordItemAdded,
  rejectProblems,
  requirePartyItem,
  withRegisterEdit,
} from './register-edits.js';

/**
 * Adds a point of contact for a party: a role and an address (a person or a mailing list); an
 * admin of that party only.
 */
export async function addContact(
  pool: Pool,
  context: RequestContext,
  slug: string,
  input: ContactInput,
): Promise<RegisterContact> {
  return withRegisterEdit(pool, context, slug, async (client, opened) => {
    const contact = { ...input, open: input.open ?? false };
    rejectProblems(contactProblems(contact, opened.subject.parties));
    const edit = requirePartyItem(context, opened, contact.party);
    const added = await insertContact(client, edit.record.id, contact);
    await recordItemAdded(client, context, edit, 'contact', added);
    return added;
  });
}
