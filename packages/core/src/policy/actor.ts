import type { Membership, Role } from '../domain.js';

/** Who is asking: a signed-in user with their memberships, or nobody (anonymous). */
export interface Actor {
  /** Null for anonymous callers. */
  userId: string | null;
  email: string | null;
  operator: boolean;
  /** Organization slug → role. */
  roles: ReadonlyMap<string, Role>;
}

export const ANONYMOUS: Actor = Object.freeze({
  userId: null,
  email: null,
  operator: false,
  roles: new Map<string, Role>(),
});

export function actorFromMemberships(
  user: { id: string; email: string; operator: boolean },
  memberships: readonly Membership[],
): Actor {
  return {
    userId: user.id,
    email: user.email,
    operator: user.operator,
    roles: new Map(memberships.map((membership) => [membership.organization, membership.role])),
  };
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
