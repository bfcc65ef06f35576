import { describe, expect, it } from 'vitest';
import { ANONYMOUS, actorFromMemberships } from '../src/policy/actor.js';
import { allowReadCaughtMail } from '../src/policy/mail-policy.js';

describe('mail policy', () => {
  it('lets the operator, and nobody else, read the demo mail catcher', () => {
    const operator = { id: 'o', email: 'operator@example', operator: true };
    const admin = { id: 'a', email: 'admin@example', operator: false };
    expect(allowReadCaughtMail(actorFromMemberships(operator, []))).toBe(true);
    expect(
      allowReadCaughtMail(actorFromMemberships(admin, [{ organization: 'dmtf', role: 'admin' }])),
    ).toBe(false);
    expect(allowReadCaughtMail(ANONYMOUS)).toBe(false);
    // An operator signed in through an organization's single sign-on is that organization's member only.
    expect(allowReadCaughtMail(actorFromMemberships(operator, [], 'dmtf'))).toBe(false);
  });
});
