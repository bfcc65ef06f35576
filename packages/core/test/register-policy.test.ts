/**
 * The register policy, checked against the permission table (test/fixtures/permission-table.ts,
 * "Work registers") for every kind of actor and action, then case by case: admins of a party edit
 * the joint milestones and only their own party's contacts, commitments and approval; the
 * operator manages terms, parties and state; the parties' members and the operator read the
 * history; drafts are for their parties and the operator.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/domain.js';
import { type Actor, ANONYMOUS } from '../src/policy/actor.js';
import {
  allowRegister,
  canReadRegister,
  editingParty,
  partiesToNotify,
  type RegisterAction,
  registerPermissions,
} from '../src/policy/register-policy.js';
import { tableActors } from './fixtures/actors.js';
import {
  REGISTER_TABLE,
  type RegisterActorKind,
  type RegisterTableAction,
  registerTableAllows,
} from './fixtures/permission-table.js';

const person = (roles: Record<string, Role>, operator = false, scope?: string): Actor => ({
  userId: 'u',
  email: 'u@example',
  operator,
  roles: new Map(Object.entries(roles)),
  ...(scope ? { scope } : {}),
});

const approved = { state: 'approved' as const, parties: ['ofa', 'dmtf'] };
const draft = { state: 'draft' as const, parties: ['snia', 'dmtf'] };

/** The table's actors, standing to the ofa-dmtf register and to OFA's items. */
const TABLE_ACTORS = tableActors({ party: 'ofa', 'other-party': 'dmtf', 'third-party': 'snia' });

/** The policy's answer for a table action on OFA's items of the approved register. */
function policyAllows(actor: Actor, action: RegisterTableAction): boolean {
  const policyAction: Record<Exclude<RegisterTableAction, 'read'>, RegisterAction> = {
    'read-history': 'read-history',
    'edit-milestones': 'edit-details',
    'edit-party-items': 'edit-party-items',
    approve: 'approve',
    manage: 'manage',
  };
  return action === 'read'
    ? canReadRegister(actor, approved)
    : allowRegister(actor, policyAction[action], approved, 'ofa');
}

const TABLE_ACTIONS: RegisterTableAction[] = [
  'read',
  'read-history',
  'edit-milestones',
  'edit-party-items',
  'approve',
  'manage',
];

describe('register policy', () => {
  it.each(Object.keys(REGISTER_TABLE) as RegisterActorKind[])('matches the table: %s', (kind) => {
    const actor = TABLE_ACTORS[kind];
    for (const action of TABLE_ACTIONS) {
      expect([action, policyAllows(actor, action)]).toEqual([
        action,
        registerTableAllows(kind, action),
      ]);
    }
  });

  it('lets admins of a party edit milestones, and their own party’s items and approval only', () => {
    const ofaAdmin = person({ ofa: 'admin' });
    expect(allowRegister(ofaAdmin, 'edit-details', approved)).toBe(true);
    expect(allowRegister(ofaAdmin, 'edit-party-items', approved, 'ofa')).toBe(true);
    expect(allowRegister(ofaAdmin, 'edit-party-items', approved, 'dmtf')).toBe(false);
    expect(allowRegister(ofaAdmin, 'edit-party-items', approved)).toBe(false);
    expect(allowRegister(ofaAdmin, 'approve', approved, 'ofa')).toBe(true);
    expect(allowRegister(ofaAdmin, 'approve', approved, 'dmtf')).toBe(false);
    expect(allowRegister(ofaAdmin, 'approve', approved)).toBe(false);
    expect(allowRegister(ofaAdmin, 'manage', approved)).toBe(false);
    expect(registerPermissions(ofaAdmin, approved)).toEqual({
      manage: false,
      editDetails: true,
      editAs: ['ofa'],
      approveAs: ['ofa'],
      readHistory: true,
    });
  });

  it('tells the other parties’ admins of a joint change, never the editing party’s', () => {
    expect(partiesToNotify(approved, 'ofa')).toEqual(['dmtf']);
    expect(partiesToNotify({ state: 'approved', parties: ['a', 'b', 'c'] }, 'b')).toEqual([
      'a',
      'c',
    ]);
  });

  it('refuses members, editors, admins of other organizations, the operator and anonymous callers', () => {
    for (const actor of [
      person({ ofa: 'member' }),
      person({ dmtf: 'editor' }),
      person({ snia: 'admin' }),
      person({}, true),
      ANONYMOUS,
    ]) {
      expect(allowRegister(actor, 'edit-details', approved)).toBe(false);
      expect(allowRegister(actor, 'approve', approved, 'ofa')).toBe(false);
      expect(allowRegister(actor, 'approve', approved, 'dmtf')).toBe(false);
    }
    expect(registerPermissions(person({}, true), approved)).toEqual({
      manage: true,
      editDetails: false,
      editAs: [],
      approveAs: [],
      readHistory: true,
    });
  });

  it('refuses an admin of an organization that is no party, even approving for it', () => {
    const sniaAdmin = person({ snia: 'admin' });
    expect(allowRegister(sniaAdmin, 'approve', approved, 'snia')).toBe(false);
  });

  it('refuses everything on a draft the actor may not read', () => {
    const ofaAdmin = person({ ofa: 'admin' });
    expect(canReadRegister(ofaAdmin, draft)).toBe(false);
    expect(registerPermissions(ofaAdmin, draft)).toEqual({
      manage: false,
      editDetails: false,
      editAs: [],
      approveAs: [],
      readHistory: false,
    });
  });

  it('counts only the organization a single sign-on is scoped to', () => {
    // Roles of a scoped actor hold that membership only (actorFromMemberships), so the policy
    // sees an admin of dmtf alone.
    const scoped = person({ dmtf: 'admin' }, false, 'dmtf');
    expect(registerPermissions(scoped, approved).approveAs).toEqual(['dmtf']);
    expect(registerPermissions(scoped, approved).editAs).toEqual(['dmtf']);
  });

  it('names the first party, in the register’s order, an edit is made for', () => {
    expect(editingParty(person({ dmtf: 'admin', ofa: 'admin' }), approved)).toBe('ofa');
    expect(editingParty(person({ dmtf: 'admin', ofa: 'member' }), approved)).toBe('dmtf');
    expect(editingParty(person({ ofa: 'editor' }), approved)).toBeUndefined();
  });

  it('names the item’s own party for a party item, and nobody for another party’s', () => {
    const both = person({ dmtf: 'admin', ofa: 'admin' });
    expect(editingParty(both, approved, 'dmtf')).toBe('dmtf');
    expect(editingParty(person({ ofa: 'admin' }), approved, 'dmtf')).toBeUndefined();
    expect(editingParty(person({ snia: 'admin' }), approved, 'snia')).toBeUndefined();
  });
});
