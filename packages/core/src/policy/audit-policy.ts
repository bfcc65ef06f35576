import { type Actor, hasRole } from './actor.js';
import { administeredOrganizations } from './organization-policy.js';

/**
 * Audit events are read by the operator (all of them) and by admins: events about their
 * organization's objects, and events done on behalf of their organization (a DMTF admin sees a
 * DMTF member download an OFA document shared with DMTF). Never events found through the actor's
 * other memberships: an admin who could add anyone to their organization would otherwise read that
 * person's work elsewhere. Sign-ins are the exception that belongs to the member, not to any
 * organization's work: an admin sees the sign-ins, failed sign-ins and sign-outs of their
 * organization's members from the day each joined. Returns the organizations whose events the
 * actor may read, or 'all'; packages/db (audit.ts) applies it.
 */
export function readableAuditScope(actor: Actor): 'all' | string[] {
  if (actor.operator) return 'all';
  return administeredOrganizations(actor);
}

/** Whether the actor may read any audit event at all. */
export function canReadAudit(actor: Actor): boolean {
  const scope = readableAuditScope(actor);
  return scope === 'all' || scope.length > 0;
}

/**
 * The organization an event is done on behalf of: the first of `candidates` (the organizations
 * whose membership gives the right being used, most specific first) that the actor belongs to.
 * Null when the right comes from no membership (the operator's own work).
 */
export function actingOrganization(actor: Actor, candidates: readonly string[]): string | null {
  return candidates.find((organization) => hasRole(actor, organization, 'member')) ?? null;
}
