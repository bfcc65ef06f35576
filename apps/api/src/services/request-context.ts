import { type Actor, actingOrganization } from '@liaison/core';
import { type NewAuditEvent, type Queryable, recordAuditEvent } from '@liaison/db';

/** Who asked and from where: what every use case needs besides its own input. */
export interface RequestContext {
  actor: Actor;
  address: string;
}

/**
 * The actor part of an audit event: who, on behalf of which organization, and from where.
 * `actingFor` lists the organizations whose membership gives the right being used, most specific
 * first; the first one the actor belongs to is recorded (none for the operator's own work).
 */
export function auditedBy(
  context: RequestContext,
  actingFor: readonly string[],
): Pick<NewAuditEvent, 'actorId' | 'actorEmail' | 'onBehalfOf' | 'address'> {
  return {
    actorId: context.actor.userId,
    actorEmail: context.actor.email,
    onBehalfOf: actingOrganization(context.actor, actingFor),
    address: context.address,
  };
}

/**
 * Records in the audit trail, in the caller's transaction, what the actor did to an object of
 * `organization` while acting for it; `organization` is null for an object no organization owns
 * (a person's own account, a work register), done acting for none.
 */
export async function auditAction(
  db: Queryable,
  context: RequestContext,
  organization: string | null,
  event: Pick<NewAuditEvent, 'action' | 'objectType' | 'objectId' | 'details'>,
): Promise<void> {
  const actingFor = organization === null ? [] : [organization];
  await recordAuditEvent(db, { ...auditedBy(context, actingFor), ...event, organization });
}
