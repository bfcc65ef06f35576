import { describe, expect, it } from 'vitest';
import { isReleased } from '../src/domain.js';
import { isDocumentStatus, isLinkToken, isSlug, isVisibility } from '../src/rules.js';
import { isEmailAddress } from '../src/text-schemas.js';

describe('rules', () => {
  it('takes slugs of 1-63 lowercase letters, digits and dashes, not starting with a dash', () => {
    expect(isSlug('dmtf')).toBe(true);
    expect(isSlug('a'.repeat(63))).toBe(true);
    expect(isSlug('a'.repeat(64))).toBe(false);
    expect(isSlug('-dmtf')).toBe(false);
    expect(isSlug('DMTF')).toBe(false);
    expect(isSlug('')).toBe(false);
  });

  it('recognises statuses and visibilities', () => {
    expect(isDocumentStatus('standard')).toBe(true);
    expect(isDocumentStatus('draft')).toBe(false);
    expect(isVisibility('partners')).toBe(true);
    expect(isVisibility('secret')).toBe(false);
  });

  it('knows released documents: public and informational or standard', () => {
    expect(isReleased({ visibility: 'public', status: 'standard' })).toBe(true);
    expect(isReleased({ visibility: 'public', status: 'informational' })).toBe(true);
    expect(isReleased({ visibility: 'public', status: 'work-in-progress' })).toBe(false);
    expect(isReleased({ visibility: 'partners', status: 'standard' })).toBe(false);
  });

  it('takes invitation tokens of 16-128 URL-safe characters', () => {
    expect(isLinkToken('A'.repeat(43))).toBe(true);
    expect(isLinkToken('a_b-c'.repeat(4))).toBe(true);
    expect(isLinkToken('a'.repeat(15))).toBe(false);
    expect(isLinkToken('a'.repeat(129))).toBe(false);
    expect(isLinkToken(`${'a'.repeat(20)}/`)).toBe(false);
  });

  it('takes an e-mail address as the API does: one @, no white space or controls, 320 at most', () => {
    expect(isEmailAddress('admin@ofa.example')).toBe(true);
    expect(isEmailAddress('list@localhost')).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(310)}@ofa.example`)).toBe(false);
    expect(isEmailAddress('no-at.example')).toBe(false);
    expect(isEmailAddress('a@b@c')).toBe(false);
    expect(isEmailAddress('a b@c')).toBe(false);
    expect(isEmailAddress('a\u0007@c')).toBe(false);
  });
});
