import { describe, expect, it } from 'vitest';
import { isReleased } from '../src/domain.js';
import { isDocumentStatus, isSlug, isVisibility } from '../src/rules.js';

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
});
