import { describe, expect, it } from 'vitest';
import { ANONYMOUS, actorFromMemberships } from '../src/policy/actor.js';
import { decideMemberAddition } from '../src/policy/organization-policy.js';

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
