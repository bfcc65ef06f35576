/** A work register's history (migration 0020): every change, who made it, before → after. */
import type { Queryable } from '../queryable.js';

export type RegisterEventKind = 'milestone' | 'commitment' | 'contact' | 'approval' | 'register';

export interface NewRegisterEvent {
  registerId: string;
  actorId: string | null;
  /** Slug of the party the change was made for; null for the operator's own changes. */
  onBehalfOf: string | null;
  action: string;
  itemKind: RegisterEventKind;
  itemId: string | null;
  /** Null when the item was added. */
  before: unknown;
  /** Null when the item was removed. */
  after: unknown;
}

/** A change as the history shows it: the event, with its author's name and address. */
export interface RegisterEventRecord extends Omit<NewRegisterEvent, 'registerId' | 'actorId'> {
  id: string;
  at: Date;
  actorName: string;
  actorEmail: string | null;
}

/** Written in the transaction of the change, with the author's name and address as they are now. */
export async function recordRegisterEvent(db: Queryable, event: NewRegisterEvent): Promise<void> {
  await db.query(
    `insert into register_events (register_id, actor_id, actor_name, actor_email, on_behalf_of_id,
                                  action, item_kind, item_id, before, after)
     select $1, $2, coalesce(u.name, ''), u.email, (select id from organizations where slug = $3),
            $4, $5, $6, $7, $8
       from (select 1) one left join users u on u.id = $2`,
    [
      event.registerId,
      event.actorId,
      event.onBehalfOf,
      event.action,
      event.itemKind,
      event.itemId,
      event.before === null || event.before === undefined ? null : JSON.stringify(event.before),
      event.after === null || event.after === undefined ? null : JSON.stringify(event.after),
    ],
  );
}

/** The register's history, newest first. */
export async function listRegisterEvents(
  db: Queryable,
  registerId: string,
  limit: number,
): Promise<RegisterEventRecord[]> {
  const result = await db.query<RegisterEventRecord>(
    `select e.id, e.at, e.actor_name as "actorName", e.actor_email as "actorEmail",
            o.slug as "onBehalfOf", e.action, e.item_kind as "itemKind", e.item_id as "itemId",
            e.before, e.after
       from register_events e left join organizations o on o.id = e.on_behalf_of_id
      where e.register_id = $1
      order by e.seq desc
      limit $2`,
    [registerId, limit],
  );
  return result.rows;
}
