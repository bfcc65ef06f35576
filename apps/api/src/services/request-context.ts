import { type Actor, organizationsOf } from '@liaison/core';
import type { NewAuditEvent } from '@liaison/db';

/** Who asked and from where: what every use case needs besides its own input. */
export interface RequestContext {
  actor: Actor;
  address: string;
}

/** The actor part of an audit event: who, their organizations at that moment, and from where. */
export function auditedBy(
  context: RequestContext,
): Pick<NewAuditEvent, 'actorId' | 'actorEmail' | 'actorOrganizations' | 'address'> {
  return {
    actorId: context.actor.userId,
    actorEmail: context.actor.email,
    actorOrganizations: organizationsOf(context.actor),
    address: context.address,
  };
}
