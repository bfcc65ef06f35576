import type { ContactChange, RegisterContact } from '@liaison/core';
import { lockContact, type Pool, updateContact } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { contactProblems } from './item-rules.js';
import {
  notFoundItem,
  recordItemEdited,
  rejectProblems,
  requirePartyItem,
  withRegisterEdit,
} from './register-edits.js';

/** Changes a point of contact, e.g. names the one the register left open; its party's admins only. */
export async function editContact(
  pool: Pool,
  context: RequestContext,
  slug: string,
  id: string,
  change: ContactChange,
): Promise<RegisterContact> {
  return withRegisterEdit(pool, context, slug, async (client, opened) => {
    const before = (await lockContact(client, opened.record.id, id)) ?? notFoundItem('contact');
    const edit = requirePartyItem(context, opened, before.party);
    const after = { ...before, ...change };
    rejectProblems(contactProblems(after, edit.subject.parties));
    requirePartyItem(context, edit, after.party);
    const saved = await updateContact(client, after);
    await recordItemEdited(client, context, edit, 'contact', { before, after: saved });
    return saved;
  });
}
