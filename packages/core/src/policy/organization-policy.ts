/**
 * Who manages organizations, their members and the work registers (docs/architecture.md,
 * "Organizations, members, sign-in and API tokens" and "Work registers"). Pure and deny by default,
 * like the rest of the policy.
 */
import { type Actor, hasRole, organizationsOf } from './actor.js';

/** The organizations the actor administers (not every organization for the operator). */
export function administeredOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => hasRole(actor, organization, 'admin'));
}

/** Admins of an organization manage its members; the portal operator may too. */
export function canManageMembers(actor: Actor, organization: string): boolean {
  return actor.userId !== null && (actor.operator || hasRole(actor, organization, 'admin'));
}

/**
 * Who an organization's admins are (names and addresses) is for its own members, who ask them
 * for a role, and for the portal operator; not for other organizations or the public.
 */
export function canSeeOrganizationAdmins(actor: Actor, organization: string): boolean {
  return actor.userId !== null && (actor.operator || actor.roles.has(organization));
}

/**
 * How someone joins an organization: by an invitation they accept (`invite`), or added at once
 * without being asked (`add-directly`).
 */
export type MemberAddition = 'invite' | 'add-directly';

/**
 * `invitation-required` when the actor manages the members but may only invite: adding a person
 * needs their consent, so only the portal operator (unscoped) adds people directly.
 */
export type MemberAdditionDecision = 'allow' | 'deny' | 'invitation-required';

export function decideMemberAddition(
  actor: Actor,
  organization: string,
  how: MemberAddition,
): MemberAdditionDecision {
  if (!canManageMembers(actor, organization)) return 'deny';
  if (how === 'invite') return 'allow';
  return actor.operator && actor.scope === undefined ? 'allow' : 'invitation-required';
}

/** Creating organizations and changing their settings is the portal operator's job. */
export function canManageOrganizations(actor: Actor): boolean {
  return actor.userId !== null && actor.operator;
}

/** Creating work registers and changing their terms and parties is the portal operator's job. */
export function canManageRegisters(actor: Actor): boolean {
  return actor.userId !== null && actor.operator;
}

/**
 * Setting or removing an organization's single sign-on (its OpenID Connect provider) is the
 * portal operator's job: it decides who can sign in as the organization's members.
 */
export function canConfigureSignIn(actor: Actor): boolean {
  return actor.userId !== null && actor.operator && actor.scope === undefined;
}

/**
 * Personal API tokens act for their owner in every organization, so a session limited to one
 * organization (a single sign-on) may not create them.
 */
export function canCreateApiTokens(actor: Actor): boolean {
  return actor.userId !== null && actor.scope === undefined;
}
