import { type Actor, ANONYMOUS, type Role } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { documentListCacheKey } from '../src/services/documents/document-list-cache.js';

function person(roles: [string, Role][], extra: Partial<Actor> = {}): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'someone@ofa.example',
    operator: false,
    roles: new Map(roles),
    ...extra,
  };
}

const key = (actor: Actor, query = {}) => documentListCacheKey(actor, query);

describe('documentListCacheKey', () => {
  it('tells apart every difference in read rights', () => {
    const actors: Actor[] = [
      ANONYMOUS,
      person([]),
      person([], { operator: true }),
      person([['ofa', 'member']]),
      person([['ofa', 'editor']]),
      person([['ofa', 'admin']]),
      person([['dmtf', 'member']]),
      person([
        ['ofa', 'member'],
        ['dmtf', 'member'],
      ]),
      person([['ofa', 'member']], { scope: 'ofa' }),
    ];
    const keys = actors.map((actor) => key(actor));
    expect(new Set(keys).size).toBe(actors.length);
  });

  it('is shared by callers with the same rights, whoever they are', () => {
    const other = person([['ofa', 'member']], {
      userId: '00000000-0000-4000-8000-000000000002',
      email: 'else@ofa.example',
    });
    expect(key(other)).toBe(key(person([['ofa', 'member']])));
    const twoRoles = person([
      ['ofa', 'member'],
      ['dmtf', 'editor'],
    ]);
    const sameRolesOtherOrder = person([
      ['dmtf', 'editor'],
      ['ofa', 'member'],
    ]);
    expect(key(twoRoles)).toBe(key(sameRolesOtherOrder));
  });

  it('tells apart queries but not the order of their parameters', () => {
    expect(key(ANONYMOUS, { limit: 10 })).not.toBe(key(ANONYMOUS, { limit: 20 }));
    expect(key(ANONYMOUS, { limit: 10, sort: 'title' })).toBe(
      key(ANONYMOUS, { sort: 'title', limit: 10 }),
    );
    expect(key(ANONYMOUS, { limit: 10, status: undefined })).toBe(key(ANONYMOUS, { limit: 10 }));
  });

  it('leaves searches uncached', () => {
    expect(key(ANONYMOUS, { q: 'fabric' })).toBeUndefined();
  });
});
