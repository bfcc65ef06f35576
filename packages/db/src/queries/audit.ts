import type { AuditAction, AuditEvent } from '@liaison/core';
import type { Queryable } from '../queryable.js';

export interface NewAuditEvent {
  actorId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  /** Slug of the organization whose object this is. */
  organization: string | null;
  /**
   * Slug of the organization the actor acted for (its admins may read the event too): one
   * organization, never every membership the actor holds. Null for the operator's own work,
   * personal actions (API tokens) and sign-ins.
   */
  onBehalfOf: string | null;
  address: string | null;
  details?: Record<string, unknown>;
}

/** Written inside the transaction of the change it records, so neither exists without the other. */
export async function recordAuditEvent(db: Queryable, event: NewAuditEvent): Promise<void> {
  await db.query(
    `insert into audit_events (actor_id, actor_email, action, object_type, object_id, organization_id, address, details, on_behalf_of_id)
     values ($1, $2, $3, $4, $5, (select id from organizations where slug = $6), $7, $8,
             (select id from organizations where slug = $9))`,
    [
      event.actorId,
      event.actorEmail,
      event.action,
      event.objectType,
      event.objectId,
      event.organization,
      event.address,
      JSON.stringify(event.details ?? {}),
      event.onBehalfOf,
    ],
  );
}

export interface AuditFilter {
  /**
   * 'all' for the operator; otherwise the organizations whose events may be read: events about
   * their objects, events done on their behalf, and their members' sign-ins since they joined.
   */
  scope: 'all' | readonly string[];
  action?: string;
  /** Events about this organization's objects, done on its behalf, or its members' sign-ins. */
  organization?: string;
  actor?: string;
  objectId?: string;
  since?: string;
  until?: string;
  limit: number;
  /** Events with a smaller id than this (newest first). */
  before?: string;
}

/**
 * A sign-in, failed sign-in or sign-out by a member of the organizations `slugs` (an SQL
 * expression) done while they were a member: their admins see when and from where their members'
 * accounts are used, never anything from before the person joined.
 */
function memberSignInOf(slugs: string): string {
  return `(e.action like 'auth.%' and exists (
            select 1 from memberships m join organizations mo on mo.id = m.organization_id
             where m.user_id = e.actor_id and mo.slug = ${slugs} and m.created_at <= e.occurred_at))`;
}

export async function listAuditEvents(db: Queryable, filter: AuditFilter): Promise<AuditEvent[]> {
  const result = await db.query<AuditEvent>(
    `select e.id::text as id, e.occurred_at as "occurredAt", e.actor_email as actor, e.action,
            e.object_type as "objectType", e.object_id as "objectId", o.slug as organization,
            b.slug as "onBehalfOf", e.address, e.details
       from audit_events e
       left join organizations o on o.id = e.organization_id
       left join organizations b on b.id = e.on_behalf_of_id
      where ($1::boolean or o.slug = any($2::text[]) or b.slug = any($2::text[])
             or ${memberSignInOf('any($2::text[])')})
        and ($3::text is null or e.action = $3)
        and ($4::text is null or o.slug = $4 or b.slug = $4 or ${memberSignInOf('$4')})
        and ($5::text is null or lower(e.actor_email) = lower($5))
        and ($6::text is null or e.object_id = $6)
        and ($7::timestamptz is null or e.occurred_at >= $7)
        and ($8::timestamptz is null or e.occurred_at < $8)
        and ($9::bigint is null or e.id < $9)
      order by e.id desc
      limit $10`,
    [
      filter.scope === 'all',
      filter.scope === 'all' ? [] : filter.scope,
      filter.action ?? null,
      filter.organization ?? null,
      filter.actor ?? null,
      filter.objectId ?? null,
      filter.since ?? null,
      filter.until ?? null,
      filter.before ?? null,
      filter.limit,
    ],
  );
  return result.rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }));
}
