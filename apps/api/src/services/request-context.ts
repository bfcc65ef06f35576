import type { Actor } from '@liaison/core';
import type { NewAuditEvent } from '@liaison/db';

/** Who asked and from where: what every use case needs besides its own input. */
export interface RequestContext {
  actor: Actor;
  address: string;
}

/** The actor and address part of an audit event. */
export function auditedBy(
  context: RequestContext,
): Pick<NewAuditEvent, 'actorId' | 'actorEmail' | 'address'> {
  return {
    actorId: context.actor.userId,
    actorEmail: context.actor.email,
    address: context.address,
  };
}
