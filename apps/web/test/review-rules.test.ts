import { describe, expect, it } from 'vitest';
import {
  byClosingSoonest,
  commentChangeFrom,
  daysLeft,
  daysLeftText,
  dispositionCounts,
  logExportHref,
  logFilters,
  resolvedText,
} from '../lib/review-rules';

const noon = new Date('2026-12-04T12:00:00Z');

describe('review wording', () => {
  it('counts whole UTC days to the closing date, the closing day still open', () => {
    expect(daysLeft('2026-12-04', noon)).toBe(0);
    expect(daysLeft('2027-01-03', noon)).toBe(30);
    expect(daysLeftText('2026-12-05', noon)).toBe('1 day left');
    expect(daysLeftText('2026-12-14', noon)).toBe('10 days left');
    expect(daysLeftText('2026-12-04', new Date('2026-12-04T23:59:59Z'))).toBe('closes today');
    expect(daysLeftText('2026-12-03', noon)).toBe('closed');
  });

  it('says N of M resolved and counts every disposition, zero included', () => {
    expect(resolvedText({ total: 12, resolved: 5 })).toBe('5 of 12 resolved');
    expect(dispositionCounts({ accepted: 2, duplicate: 1 })).toEqual([
      { disposition: 'accepted', label: 'Accepted', count: 2 },
      { disposition: 'accepted-with-changes', label: 'Accepted with changes', count: 0 },
      { disposition: 'rejected', label: 'Rejected', count: 0 },
      { disposition: 'deferred', label: 'Deferred', count: 0 },
      { disposition: 'duplicate', label: 'Duplicate', count: 1 },
    ]);
  });

  it('orders open reviews closing soonest first, whatever order they came in', () => {
    const reviews = [
      { closesOn: '2027-02-01', title: 'B' },
      { closesOn: '2026-12-20', title: 'Z' },
      { closesOn: '2027-02-01', title: 'A' },
    ];
    expect(byClosingSoonest(reviews).map((r) => r.title)).toEqual(['Z', 'A', 'B']);
    expect(reviews[0]!.title).toBe('B');
  });
});

describe('log filters and export links', () => {
  it('keeps known kinds and dispositions and drops anything else', () => {
    expect(logFilters({ kind: 'technical', disposition: 'none' })).toEqual({
      kind: 'technical',
      disposition: 'none',
    });
    expect(logFilters({ kind: 'rude', disposition: ['accepted', 'rejected'] })).toEqual({});
    expect(logFilters({ disposition: 'accepted-with-changes' })).toEqual({
      disposition: 'accepted-with-changes',
    });
  });

  it('links the export with the format and the filters, the id escaped', () => {
    expect(logExportHref('r1', 'csv')).toBe('/reviews/r1/log?format=csv');
    expect(logExportHref('a/b', 'json', { kind: 'editorial', disposition: 'none' })).toBe(
      '/reviews/a%2Fb/log?format=json&kind=editorial&disposition=none',
    );
  });
});

describe('commentChangeFrom', () => {
  it('keeps the text as written, trims the location, and refuses an empty comment', () => {
    expect(
      commentChangeFrom({
        location: '  §4.2 ',
        kind: 'technical',
        body: 'Line one\r\nLine two',
        proposedChange: '',
      }),
    ).toEqual({
      location: '§4.2',
      kind: 'technical',
      body: 'Line one\nLine two',
      proposedChange: '',
    });
    expect(
      commentChangeFrom({ location: '', kind: 'general', body: '   ', proposedChange: 'x' }),
    ).toBeNull();
  });

  it('leaves the kind alone when the form sent one that does not exist', () => {
    const change = commentChangeFrom({
      location: '',
      kind: 'rude',
      body: 'A comment',
      proposedChange: '',
    });
    expect(change).not.toHaveProperty('kind');
  });
});
