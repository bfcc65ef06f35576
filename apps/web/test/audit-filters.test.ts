import { describe, expect, it } from 'vitest';
import {
  auditApiQuery,
  auditPageLinks,
  auditSearch,
  EMPTY_AUDIT_FILTERS,
  hasAuditFilters,
  parseAuditFilters,
} from '../lib/audit-filters';

describe('parseAuditFilters', () => {
  it('reads and trims the filters from the query string', () => {
    const parsed = parseAuditFilters({
      action: ' version.download ',
      actor: 'admin@ofa.example',
      object: 'abc',
      organization: 'OFA',
      from: '2026-01-01',
      to: '2026-01-31',
      cursor: '123',
      trail: 'first.456',
    });
    expect(parsed.filters).toEqual({
      action: 'version.download',
      actor: 'admin@ofa.example',
      object: 'abc',
      organization: 'ofa',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(parsed.cursor).toBe('123');
    expect(parsed.trail).toEqual(['', '456']);
    expect(parsed.problems).toEqual({});
  });

  it('drops what the API would refuse, and says why', () => {
    const parsed = parseAuditFilters(
      new URLSearchParams('organization=../x&from=2026-02-30&to=yesterday&cursor=abc'),
    );
    expect(parsed.filters.organization).toBe('');
    expect(parsed.filters.from).toBe('');
    expect(parsed.filters.to).toBe('');
    expect(parsed.cursor).toBe('');
    expect(Object.keys(parsed.problems).sort()).toEqual(['from', 'organization', 'to']);
  });

  it('flags a range that ends before it starts', () => {
    const parsed = parseAuditFilters({ from: '2026-02-01', to: '2026-01-01' });
    expect(parsed.problems.to).toMatch(/before/);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseAuditFilters({ action: ['token.create', 'token.revoke'] }).filters.action).toBe(
      'token.create',
    );
  });

  it('drops an action the audit log does not record, and says so', () => {
    const parsed = parseAuditFilters({ action: 'version.steal' });
    expect(parsed.filters.action).toBe('');
    expect(parsed.problems.action).toMatch(/not an action/i);
  });
});

describe('auditApiQuery', () => {
  it('turns the date range into UTC timestamps that include the whole last day', () => {
    const query = auditApiQuery(
      { ...EMPTY_AUDIT_FILTERS, from: '2026-01-01', to: '2026-01-31', object: 'x' },
      { cursor: '99', limit: 50 },
    );
    expect(query).toEqual({
      action: undefined,
      actor: undefined,
      objectId: 'x',
      organization: undefined,
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-02-01T00:00:00.000Z',
      cursor: '99',
      limit: 50,
    });
  });

  it('leaves empty filters out', () => {
    const query = auditApiQuery(EMPTY_AUDIT_FILTERS);
    expect(Object.values(query).every((v) => v === undefined)).toBe(true);
  });
});

describe('auditSearch and auditPageLinks', () => {
  const filters = { ...EMPTY_AUDIT_FILTERS, action: 'token.create' };

  it('writes only the filters that are set', () => {
    expect(auditSearch(EMPTY_AUDIT_FILTERS)).toBe('');
    expect(auditSearch(filters)).toBe('?action=token.create');
    expect(hasAuditFilters(filters)).toBe(true);
    expect(hasAuditFilters(EMPTY_AUDIT_FILTERS)).toBe(false);
  });

  it('walks forward and back through the pages', () => {
    const one = auditPageLinks(filters, { cursor: '', trail: [] }, '500');
    expect(one).toEqual({
      page: 1,
      previous: null,
      next: '?action=token.create&cursor=500&trail=first',
      first: null,
    });

    const two = parseAuditFilters(new URLSearchParams(one.next!.slice(1)));
    const twoLinks = auditPageLinks(two.filters, two, '400');
    expect(twoLinks.page).toBe(2);
    expect(twoLinks.previous).toBe('?action=token.create');
    expect(twoLinks.next).toBe('?action=token.create&cursor=400&trail=first.500');

    const three = parseAuditFilters(new URLSearchParams(twoLinks.next!.slice(1)));
    const threeLinks = auditPageLinks(three.filters, three, null);
    expect(threeLinks.page).toBe(3);
    expect(threeLinks.next).toBeNull();
    expect(threeLinks.previous).toBe('?action=token.create&cursor=500&trail=first');
    expect(threeLinks.first).toBe('?action=token.create');
  });

  it('links to "?" for the unfiltered first page', () => {
    const links = auditPageLinks(EMPTY_AUDIT_FILTERS, { cursor: '7', trail: [''] }, null);
    expect(links.previous).toBe('?');
  });
});
