import { type Actor, partiesToNotify } from '@liaison/core';
import { enqueueMail, findUserById, organizationAdminAddresses, type Queryable } from '@liaison/db';
import type { RegisterChange, RegisterEdit } from '../registers/register-edits.js';

/** A field's value as a line of the mail says it. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "state: planned → done" for each field the change touched (the id left out). */
function changedFields(before: unknown, after: unknown): string[] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter(
    (field) => field !== 'id',
  );
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => `${field}: ${shown(from[field])} → ${shown(to[field])}`);
}

/** "state: planned" for each field of an item added or removed (the id left out). */
function itemFields(item: unknown): string[] {
  return Object.entries((item ?? {}) as Record<string, unknown>)
    .filter(([field]) => field !== 'id')
    .map(([field, value]) => `${field}: ${shown(value)}`);
}

function itemName(change: RegisterChange): string {
  const item = (change.after ?? change.before) as { deliverable?: string } | null;
  return item?.deliverable ? `the milestone "${item.deliverable}"` : 'a milestone';
}

function verb(change: RegisterChange): string {
  if (change.before === null) return 'added';
  if (change.after === null) return 'removed';
  return 'changed';
}

/**
 * Mails about a register, queued in the transaction of the change. A joint item (a milestone)
 * belongs to every party, so when one party changes it the admins of the others are told who
 * changed what; the register is one its parties' admins may read.
 */
export const registerMails = {
  async jointItemChanged(
    client: Queryable,
    event: { edit: RegisterEdit; actor: Actor; change: RegisterChange },
  ): Promise<number> {
    const { edit, actor, change } = event;
    const actorEmail = actor.email?.toLowerCase();
    const recipients = (
      await organizationAdminAddresses(client, partiesToNotify(edit.subject, edit.party))
    ).filter((address) => address.toLowerCase() !== actorEmail);
    const user = actor.userId ? await findUserById(client, actor.userId) : undefined;
    const who = user ? `${user.name} <${user.email}>` : (actor.email ?? 'Someone');
    const party =
      edit.record.parties.find((p) => p.organization === edit.party)?.name ?? edit.party;
    const what = itemName(change);
    return enqueueMail(client, {
      kind: 'register.joint-item.changed',
      recipients,
      subject: `${party} ${verb(change)} ${what} of ${edit.record.title}`,
      text: [
        `${who}, for ${party}, ${verb(change)} ${what} of the work register "${edit.record.title}".`,
        '',
        ...(change.before !== null && change.after !== null
          ? changedFields(change.before, change.after)
          : itemFields(change.after ?? change.before)),
        '',
        'Milestones are joint: any party may change them, and the others are told. The register page shows the whole history.',
      ].join('\n'),
      linkPath: `/registers/${edit.record.slug}#history`,
    });
  },
};
