/**
 * The register policy, case by case, written from docs/architecture.md ("Work registers"): admins
 * of a party edit the register's details and approve for their own organization only; the operator
 * manages terms, parties and state; nobody else does anything; drafts are for their parties and the
 * operator.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/domain.js';
import { type Actor, ANONYMOUS } from '../src/policy/actor.js';
import {
  allowRegister,
  canReadRegister,
  editingParty,
  registerPermissions,
} from '../src/policy/register-policy.js';

const person = (roles: Record<string, Role>, operator = false, scope?: string): Actor => ({
  userId: 'u',
  email: 'u@example',
  operator,
  roles: new Map(Object.entries(roles)),
  ...(scope ? { scope } : {}),
});

const approved = { state: 'approved' as const, parties: ['ofa', 'dmtf'] };
const draft = { state: 'draft' as const, parties: ['snia', 'dmtf'] };

describe('register policy', () => {
  it('lets admins of a party edit details and approve for their own organization only', () => {
    const ofaAdmin = person({ ofa: 'admin' });
    expect(allowRegister(ofaAdmin, 'edit-details', approved)).toBe(true);
    expect(allowRegister(ofaAdmin, 'approve', approved, 'ofa')).toBe(true);
    expect(allowRegister(ofaAdmin, 'approve', approved, 'dmtf')).toBe(false);
    expect(allowRegister(ofaAdmin, 'approve', approved)).toBe(false);
    expect(allowRegister(ofaAdmin, 'manage', approved)).toBe(false);
    expect(registerPermissions(ofaAdmin, approved)).toEqual({
      manage: false,
      editDetails: true,
      approveAs: ['ofa'],
    });
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
      approveAs: [],
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
      approveAs: [],
    });
  });

  it('counts only the organization a single sign-on is scoped to', () => {
    // Roles of a scoped actor hold that membership only (actorFromMemberships), so the policy
    // sees an admin of dmtf alone.
    const scoped = person({ dmtf: 'admin' }, false, 'dmtf');
    expect(registerPermissions(scoped, approved).approveAs).toEqual(['dmtf']);
  });

  it('names the first party, in the register’s order, an edit is made for', () => {
    expect(editingParty(person({ dmtf: 'admin', ofa: 'admin' }), approved)).toBe('ofa');
    expect(editingParty(person({ dmtf: 'admin', ofa: 'member' }), approved)).toBe('dmtf');
    expect(editingParty(person({ ofa: 'editor' }), approved)).toBeUndefined();
  });
});
