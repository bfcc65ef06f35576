import { describe, expect, it } from 'vitest';
import { ANONYMOUS, actorFromMemberships } from '../src/policy/actor.js';
import type { DocumentSubject } from '../src/policy/document-policy.js';
import { canFollow, mayTellFollower } from '../src/policy/follow-policy.js';

const member = (organization: string) =>
  actorFromMemberships(
    { id: `u-${organization}`, email: `m@${organization}.example`, operator: false },
    [{ organization, role: 'member' }],
  );
const operator = actorFromMemberships({ id: 'op', email: 'op@example', operator: true }, []);

const document = (visibility: DocumentSubject['visibility']): DocumentSubject => ({
  owner: 'dmtf',
  visibility,
  status: 'informational',
  registerParties: ['ofa', 'dmtf'],
});

describe('follow policy', () => {
  it('lets signed-in people follow what they may read, and nobody anonymous', () => {
    expect(canFollow(member('ofa'), { kind: 'document', document: document('partners') })).toBe(
      true,
    );
    expect(canFollow(member('snia'), { kind: 'document', document: document('partners') })).toBe(
      false,
    );
    expect(canFollow(member('ofa'), { kind: 'document', document: document('organization') })).toBe(
      false,
    );
    const draft = { state: 'draft', parties: ['snia', 'dmtf'] } as const;
    expect(canFollow(member('snia'), { kind: 'register', register: draft })).toBe(true);
    expect(canFollow(member('ofa'), { kind: 'register', register: draft })).toBe(false);
    expect(canFollow(operator, { kind: 'register', register: draft })).toBe(true);
    expect(canFollow(member('snia'), { kind: 'organization' })).toBe(true);
    expect(canFollow(ANONYMOUS, { kind: 'document', document: document('public') })).toBe(false);
    expect(canFollow(ANONYMOUS, { kind: 'organization' })).toBe(false);
  });

  it('tells a follower only of documents they may read', () => {
    expect(mayTellFollower(member('ofa'), document('partners'))).toBe(true);
    expect(mayTellFollower(member('ofa'), document('organization'))).toBe(false);
    expect(mayTellFollower(member('snia'), document('partners'))).toBe(false);
    expect(mayTellFollower(member('snia'), document('public'))).toBe(true);
    expect(mayTellFollower(member('dmtf'), document('organization'))).toBe(true);
  });
});
