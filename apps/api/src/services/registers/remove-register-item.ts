import {
  deleteCommitment,
  deleteContact,
  deleteMilestone,
  lockCommitment,
  lockContact,
  lockMilestone,
  type Pool,
  type Queryable,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import {
  notFoundItem,
  type RegisterItemKind,
  recordRegisterEdit,
  requirePartyItem,
  withRegisterEdit,
} from './register-edits.js';

interface RemovableItem {
  lock(db: Queryable, registerId: string, id: string): Promise<object | undefined>;
  remove(db: Queryable, id: string): Promise<void>;
  /** The party the item belongs to; undefined for a joint item (any party's admins). */
  partyOf(item: object): string | undefined;
}

const ITEMS = {
  milestone: { lock: lockMilestone, remove: deleteMilestone, partyOf: () => undefined },
  commitment: {
    lock: lockCommitment,
    remove: deleteCommitment,
    partyOf: (item) => (item as { from: string }).from,
  },
  contact: {
    lock: lockContact,
    remove: deleteContact,
    partyOf: (item) => (item as { party: string }).party,
  },
} satisfies Record<RegisterItemKind, RemovableItem>;

/**
 * Removes a milestone (admins of any party), a documentation commitment or a point of contact
 * (admins of its party); the audit event and the history keep what it said.
 */
export async function removeRegisterItem(
  pool: Pool,
  context: RequestContext,
  slug: string,
  kind: RegisterItemKind,
  id: string,
): Promise<void> {
  const item: RemovableItem = ITEMS[kind];
  await withRegisterEdit(pool, context, slug, async (client, opened) => {
    const removed = (await item.lock(client, opened.record.id, id)) ?? notFoundItem(kind);
    const party = item.partyOf(removed);
    const edit = party === undefined ? opened : requirePartyItem(context, opened, party);
    await item.remove(client, id);
    await recordRegisterEdit(client, context, edit, `register.${kind}.remove`, {
      kind,
      itemId: id,
      before: removed,
      after: null,
    });
  });
}
