import { type Actor, hasRole } from './actor.js';

/**
 * Audit events are read by the operator (all of them) and by admins: events about their
 * organization's objects, and events by their organization's members (a DMTF admin sees a DMTF
 * member download an OFA document). Returns the organizations whose events the actor may read,
 * or 'all'; packages/db (audit.ts) applies it.
 */
export function readableAuditScope(actor: Actor): 'all' | string[] {
  if (actor.operator) return 'all';
  return [...actor.roles.keys()].filter((organization) => hasRole(actor, organization, 'admin'));
}
