import type { Membership, Role } from '../domain.js';

/** Who is asking: a signed-in user with their memberships, or nobody (anonymous). */
export interface Actor {
  /** Null for anonymous callers. */
  userId: string | null;
  email: string | null;
  operator: boolean;
  /** Organization slug → role. */
  roles: ReadonlyMap<string, Role>;
  /**
   * Set when the credentials are limited to one organization (a sign-in through that
   * organization's identity provider): `roles` then holds that membership only, and the actor is
   * never the operator.
   */
  scope?: string;
}

export const ANONYMOUS: Actor = Object.freeze({
  userId: null,
  email: null,
  operator: false,
  roles: new Map<string, Role>(),
});

/**
 * The actor for a user with these memberships. With a `scope` (credentials limited to one
 * organization) only that organization's membership counts and the user is never the operator.
 */
export function actorFromMemberships(
  user: { id: string; email: string; operator: boolean },
  memberships: readonly Membership[],
  scope?: string,
): Actor {
  const counted = scopedMemberships(memberships, scope);
  return {
    userId: user.id,
    email: user.email,
    operator: scope === undefined && user.operator,
    roles: new Map(counted.map((membership) => [membership.organization, membership.role])),
    ...(scope === undefined ? {} : { scope }),
  };
}

/** The memberships that count for credentials limited to `scope` (all of them without one). */
export function scopedMemberships<T extends Membership>(
  memberships: readonly T[],
  scope?: string,
): T[] {
  return scope === undefined
    ? [...memberships]
    : memberships.filter((membership) => membership.organization === scope);
}

const RANK: Record<Role, number> = { member: 1, editor: 2, admin: 3 };

/** Whether the actor holds at least `role` in `organization`. */
export function hasRole(actor: Actor, organization: string, role: Role): boolean {
  const held = actor.roles.get(organization);
  return held !== undefined && RANK[held] >= RANK[role];
}

/** Slugs of the organizations the actor belongs to (any role). */
export function organizationsOf(actor: Actor): string[] {
  return [...actor.roles.keys()];
}
