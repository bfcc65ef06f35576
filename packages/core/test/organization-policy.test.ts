import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, actorFromMemberships } from '../src/policy/actor.js';
import { canReadAudit } from '../src/policy/audit-policy.js';
import {
  administeredOrganizations,
  canManageMembers,
  decideMemberAddition,
} from '../src/policy/organization-policy.js';
import { tableActors } from './fixtures/actors.js';
import {
  INVITATION_TABLE,
  type InvitationActorKind,
  type InvitationTableAction,
  invitationTableAllows,
} from './fixtures/permission-table.js';

const operator = { id: 'o', email: 'operator@example', operator: true };
const person = { id: 'p', email: 'person@example', operator: false };

describe('adding members', () => {
  it('lets admins of the organization and the operator invite, and nobody else', () => {
    const admin = actorFromMemberships(person, [{ organization: 'ofa', role: 'admin' }]);
    expect(decideMemberAddition(admin, 'ofa', 'invite')).toBe('allow');
    expect(decideMemberAddition(actorFromMemberships(operator, []), 'ofa', 'invite')).toBe('allow');
    expect(decideMemberAddition(admin, 'dmtf', 'invite')).toBe('deny');
    const editor = actorFromMemberships(person, [{ organization: 'ofa', role: 'editor' }]);
    expect(decideMemberAddition(editor, 'ofa', 'invite')).toBe('deny');
    expect(decideMemberAddition(ANONYMOUS, 'ofa', 'invite')).toBe('deny');
  });

  it('lets only the unscoped operator add someone without their consent', () => {
    expect(decideMemberAddition(actorFromMemberships(operator, []), 'ofa', 'add-directly')).toBe(
      'allow',
    );
    const admin = actorFromMemberships(person, [{ organization: 'ofa', role: 'admin' }]);
    expect(decideMemberAddition(admin, 'ofa', 'add-directly')).toBe('invitation-required');
    // The operator signed in through OFA's single sign-on is an OFA admin there, nothing more.
    const scopedOperator = actorFromMemberships(
      operator,
      [{ organization: 'ofa', role: 'admin' }],
      'ofa',
    );
    expect(decideMemberAddition(scopedOperator, 'ofa', 'add-directly')).toBe('invitation-required');
    const member = actorFromMemberships(person, [{ organization: 'ofa', role: 'member' }]);
    expect(decideMemberAddition(member, 'ofa', 'add-directly')).toBe('deny');
    expect(decideMemberAddition(ANONYMOUS, 'ofa', 'add-directly')).toBe('deny');
  });
});

/** The table's actors, standing to OFA. */
const INVITATION_ACTORS = tableActors({ organization: 'ofa', 'other-organization': 'dmtf' });

const INVITATION_DECISIONS: Record<InvitationTableAction, (actor: Actor) => boolean> = {
  create: (actor) => decideMemberAddition(actor, 'ofa', 'invite') === 'allow',
  list: (actor) => canManageMembers(actor, 'ofa'),
  revoke: (actor) => canManageMembers(actor, 'ofa'),
};

describe('invitations, as the permission table states', () => {
  const cases = (Object.keys(INVITATION_TABLE) as InvitationActorKind[]).flatMap((kind) =>
    (Object.keys(INVITATION_DECISIONS) as InvitationTableAction[]).map((action) => ({
      kind,
      action,
      allowed: invitationTableAllows(kind, action),
    })),
  );

  it.each(cases)('$kind: $action → $allowed', ({ kind, action, allowed }) => {
    expect(INVITATION_DECISIONS[action](INVITATION_ACTORS[kind])).toBe(allowed);
  });
});

describe('administering', () => {
  it('lists the organizations a person is an admin of, none for the operator alone', () => {
    const mixed = actorFromMemberships(person, [
      { organization: 'ofa', role: 'admin' },
      { organization: 'dmtf', role: 'editor' },
    ]);
    expect(administeredOrganizations(mixed)).toEqual(['ofa']);
    expect(administeredOrganizations(actorFromMemberships(operator, []))).toEqual([]);
  });

  it('opens the audit log to admins and the operator only', () => {
    const editor = actorFromMemberships(person, [{ organization: 'ofa', role: 'editor' }]);
    const admin = actorFromMemberships(person, [{ organization: 'ofa', role: 'admin' }]);
    expect(canReadAudit(editor)).toBe(false);
    expect(canReadAudit(admin)).toBe(true);
    expect(canReadAudit(actorFromMemberships(operator, []))).toBe(true);
    expect(canReadAudit(ANONYMOUS)).toBe(false);
  });
});
