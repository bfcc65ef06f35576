import type { DocumentStatus, FollowTargetKind, RegisterState, Visibility } from '@liaison/core';
import type { Queryable } from '../queryable.js';
import { CALLER_COLUMNS, type CallerRecord } from './callers.js';
import type { FollowDelivery } from './notifications.js';

/** What a follow is about, by the ids the database knows it under. */
export type FollowTarget =
  | { kind: 'document'; documentId: string }
  | { kind: 'register'; slug: string }
  | { kind: 'organization'; slug: string };

/** A follow as its owner sees it listed, with what it is about. */
export interface FollowRecord {
  id: string;
  userId: string;
  kind: FollowTargetKind;
  createdAt: Date;
  /** The followed document's id, the register's or the organization's slug. */
  key: string;
  /** What the target is called: "DSP0266: Redfish", a register's title, an organization's name. */
  name: string;
  /** For a followed document: what the policy needs to decide whether its follower may read it. */
  document: {
    organization: string;
    visibility: Visibility;
    status: DocumentStatus;
    registerParties: string[];
  } | null;
  /** For a followed register: its state and parties (drafts are read by their parties only). */
  register: { state: RegisterState; parties: string[] } | null;
}

const FOLLOW_SELECT = `
  select f.id, f.user_id as "userId", f.target_kind as kind, f.created_at as "createdAt",
         coalesce(d.id::text, r.slug, o.slug) as key,
         coalesce(d.identifier || ': ' || d.title, r.title, o.name) as name,
         case when d.id is null then null else json_build_object(
           'organization', downer.slug, 'visibility', d.visibility, 'status', d.status,
           'registerParties', coalesce((select array_agg(distinct po.slug) from document_registers dr
                                          join register_parties p on p.register_id = dr.register_id
                                          join organizations po on po.id = p.organization_id
                                         where dr.document_id = d.id), '{}')) end as document,
         case when r.id is null then null else json_build_object(
           'state', r.state,
           'parties', coalesce((select array_agg(po.slug order by po.slug) from register_parties p
                                  join organizations po on po.id = p.organization_id
                                 where p.register_id = r.id), '{}')) end as register
    from follows f
    left join documents d on d.id = f.document_id
    left join organizations downer on downer.id = d.organization_id
    left join work_registers r on r.id = f.register_id
    left join organizations o on o.id = f.organization_id`;

/**
 * Follows the target for the user; an existing follow of it is kept. Returns the follow's id, or
 * undefined when the register or organization does not exist.
 */
export async function insertFollow(
  db: Queryable,
  userId: string,
  target: FollowTarget,
): Promise<string | undefined> {
  const params = [
    userId,
    target.kind,
    target.kind === 'document' ? target.documentId : null,
    target.kind === 'register' ? target.slug : null,
    target.kind === 'organization' ? target.slug : null,
  ];
  const inserted = await db.query<{ id: string }>(
    `insert into follows (user_id, target_kind, document_id, register_id, organization_id)
     select $1, $2, $3::uuid, (select id from work_registers where slug = $4),
            (select id from organizations where slug = $5)
     on conflict do nothing
     returning id`,
    params,
  );
  if (inserted.rows[0]) return inserted.rows[0].id;
  const existing = await db.query<{ id: string }>(
    `select id from follows
      where user_id = $1 and target_kind = $2
        and (document_id = $3::uuid
             or register_id = (select id from work_registers where slug = $4)
             or organization_id = (select id from organizations where slug = $5))`,
    params,
  );
  return existing.rows[0]?.id;
}

/** The user's follows, newest first. */
export async function listFollows(db: Queryable, userId: string): Promise<FollowRecord[]> {
  const result = await db.query<FollowRecord>(
    `${FOLLOW_SELECT} where f.user_id = $1 order by f.created_at desc, f.id`,
    [userId],
  );
  return result.rows;
}

export async function findFollow(db: Queryable, id: string): Promise<FollowRecord | undefined> {
  const result = await db.query<FollowRecord>(`${FOLLOW_SELECT} where f.id = $1`, [id]);
  return result.rows[0];
}

/** Ends the follow; false when there was none with this id (for this user, when given). */
export async function deleteFollow(db: Queryable, id: string, userId?: string): Promise<boolean> {
  const result = await db.query(
    'delete from follows where id = $1 and ($2::uuid is null or user_id = $2)',
    [id, userId ?? null],
  );
  return result.rowCount === 1;
}

/** Someone who follows what an event is about, as mail composition needs them. */
export interface FollowerRecord extends CallerRecord {
  followId: string;
  followKind: FollowTargetKind;
  delivery: FollowDelivery;
}

/**
 * The enabled followers of a document, of any of some registers (by slug), or of an
 * organization's releases (by slug): one row per follow, a person's document follow first, then
 * their register follows, then their organization follow.
 */
export async function listFollowers(
  db: Queryable,
  of: { documentId?: string; registers?: readonly string[]; organization?: string },
): Promise<FollowerRecord[]> {
  const result = await db.query<FollowerRecord>(
    `select f.id as "followId", f.target_kind as "followKind",
            coalesce(np.follow_delivery, 'immediate') as delivery, ${CALLER_COLUMNS}
       from follows f
       join users u on u.id = f.user_id
       left join notification_preferences np on np.user_id = u.id
      where u.disabled_at is null
        and (f.document_id = $1::uuid
             or f.register_id in (select id from work_registers where slug = any($2::text[]))
             or f.organization_id = (select id from organizations where slug = $3))
      order by u.id, case f.target_kind when 'document' then 0 when 'register' then 1 else 2 end`,
    [of.documentId ?? null, of.registers ?? [], of.organization ?? null],
  );
  return result.rows;
}

export type FollowEventKind = 'version' | 'shared' | 'released';

/** Something a daily-digest follower is to be told of. */
export interface NewFollowEvent {
  followId: string;
  kind: FollowEventKind;
  documentId: string;
  versionId?: string;
  /** For 'shared': the registers the document was newly shared under. */
  registers?: readonly string[];
}

export async function insertFollowEvent(db: Queryable, event: NewFollowEvent): Promise<void> {
  await db.query(
    `insert into follow_events (follow_id, kind, document_id, version_id, registers)
     values ($1, $2, $3, $4, $5)`,
    [event.followId, event.kind, event.documentId, event.versionId ?? null, event.registers ?? []],
  );
}

export interface FollowEventRecord extends Required<Omit<NewFollowEvent, 'versionId'>> {
  id: string;
  versionId: string | null;
  createdAt: Date;
}

/** The users who have events waiting for their digest. */
export async function usersWithFollowEvents(db: Queryable): Promise<string[]> {
  const result = await db.query<{ userId: string }>(
    `select distinct f.user_id as "userId"
       from follow_events e join follows f on f.id = e.follow_id order by 1`,
  );
  return result.rows.map((row) => row.userId);
}

/**
 * Removes and returns the user's waiting events, oldest first. Run in the transaction that queues
 * their digest: a concurrent run waits on the rows and then finds none, so each goes out once.
 */
export async function takeFollowEvents(
  db: Queryable,
  userId: string,
): Promise<FollowEventRecord[]> {
  const result = await db.query<FollowEventRecord>(
    `delete from follow_events e using follows f
      where f.id = e.follow_id and f.user_id = $1
      returning e.id::text, e.follow_id as "followId", e.kind, e.document_id as "documentId",
                e.version_id as "versionId", e.registers, e.created_at as "createdAt"`,
    [userId],
  );
  return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
}
