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

export const REGISTER_ACTIONS = [
  'manage',
  'edit-details',
  'edit-party-items',
  'approve',
  'read-history',
] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

/**
 * Deny by default.
 * - `manage`: terms, parties, state and the text sections (the portal operator).
 * - `edit-details`: the joint items, milestones (admins of any party; the other parties' admins
 *   are told of each change).
 * - `edit-party-items`: the contacts and documentation commitments of `organization` (a contact
 *   is its party's, a commitment the party's that makes the document available), which must be a
 *   party the actor is an admin of: nobody edits another party's.
 * - `approve`: record or clear the approval of `organization`, under the same rule.
 * - `read-history`: who changed what: the people who work under the register (members of its
 *   parties) and the operator; the public reads the register, not who edited it.
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
    case 'edit-party-items':
    case 'approve':
      return (
        organization !== undefined &&
        register.parties.includes(organization) &&
        hasRole(actor, organization, 'admin')
      );
    case 'read-history':
      return actor.operator || register.parties.some((party) => hasRole(actor, party, 'member'));
    default:
      return false;
  }
}

/**
 * The party an edit of the register's details is made for (its admins read the audit event): the
 * item's own party when it has one, else the first party, in the register's order, the actor is
 * an admin of.
 */
export function editingParty(
  actor: Actor,
  register: RegisterSubject,
  itemParty?: string,
): string | undefined {
  if (itemParty !== undefined) {
    return allowRegister(actor, 'edit-party-items', register, itemParty) ? itemParty : undefined;
  }
  return register.parties.find((party) => hasRole(actor, party, 'admin'));
}

/** The parties whose admins are told that `editingParty` changed a joint item. */
export function partiesToNotify(register: RegisterSubject, editingParty: string): string[] {
  return register.parties.filter((party) => party !== editingParty);
}

/** What the caller may do with a register, returned with its page. */
export function registerPermissions(
  actor: Actor,
  register: RegisterSubject,
): {
  manage: boolean;
  editDetails: boolean;
  editAs: string[];
  approveAs: string[];
  readHistory: boolean;
} {
  const asParty = (action: 'edit-party-items' | 'approve') =>
    register.parties.filter((party) => allowRegister(actor, action, register, party));
  return {
    manage: allowRegister(actor, 'manage', register),
    editDetails: allowRegister(actor, 'edit-details', register),
    editAs: asParty('edit-party-items'),
    approveAs: asParty('approve'),
    readHistory: allowRegister(actor, 'read-history', register),
  };
}
