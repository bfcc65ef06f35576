import type { RegisterState } from '../domain.js';
import { type Actor, hasRole } from './actor.js';
import { canManageRegisters } from './organization-policy.js';

/** What the policy needs to know about a register. */
export interface RegisterSubject {
  state: RegisterState;
  /** Slugs of its parties. */
  parties: readonly string[];
}

/**
 * Approved registers are public (the DMTF publishes them); drafts are visible to their parties and
 * to the portal operator, who manages registers. Mirrored as SQL in packages/db (registers.ts).
 */
export function canReadRegister(actor: Actor, register: RegisterSubject) {
  return (
    register.state === 'approved' ||
    actor.operator ||
    register.parties.some((party) => hasRole(actor, party, 'member'))
  );
}

export const REGISTER_ACTIONS = ['manage', 'edit-details', 'approve'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

/**
 * Deny by default. `manage`: terms, parties and state (the portal operator). `edit-details`:
 * milestones, commitments and contacts (admins of a party). `approve`: record or clear the approval
 * of `organization`, which must be a party the actor is an admin of: nobody approves for another.
 */
export function allowRegister(
  actor: Actor,
  action: RegisterAction,
  register: RegisterSubject,
  organization?: string,
): boolean {
  if (actor.userId === null || !canReadRegister(actor, register)) return false;
  switch (action) {
    case 'manage':
      return canManageRegisters(actor);
    case 'edit-details':
      return register.parties.some((party) => hasRole(actor, party, 'admin'));
    case 'approve':
      return (
        organization !== undefined &&
        register.parties.includes(organization) &&
        hasRole(actor, organization, 'admin')
      );
    default:
      return false;
  }
}

/**
 * The party an edit of the register's details is made for (its admins read the audit event): the
 * first party, in the register's order, the actor is an admin of.
 */
export function editingParty(actor: Actor, register: RegisterSubject): string | undefined {
  return register.parties.find((party) => hasRole(actor, party, 'admin'));
}

/** What the caller may do with a register, returned with its page. */
export function registerPermissions(
  actor: Actor,
  register: RegisterSubject,
): { manage: boolean; editDetails: boolean; approveAs: string[] } {
  return {
    manage: allowRegister(actor, 'manage', register),
    editDetails: allowRegister(actor, 'edit-details', register),
    approveAs: register.parties.filter((party) => allowRegister(actor, 'approve', register, party)),
  };
}
