import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_DAYS,
  daysUntil,
  describeReview,
  isOverdue,
  parseCalendarDate,
  reviewState,
} from '../lib/register-review';

const at = (iso: string) => new Date(iso);

describe('parseCalendarDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseCalendarDate('2020-03-01')).toBe(Date.UTC(2020, 2, 1));
    expect(parseCalendarDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2020-13-01')).toBeNull();
    expect(parseCalendarDate('2020-3-1')).toBeNull();
    expect(parseCalendarDate('March 2020')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });
});

describe('isOverdue', () => {
  it('is overdue once the review date lies before today (UTC)', () => {
    // The OFA/DMTF register: "The next review date is expected to be March 2020."
    expect(isOverdue('2020-03-01', at('2026-05-04T12:00:00Z'))).toBe(true);
    expect(isOverdue('2020-03-01', at('2020-03-02T00:00:00Z'))).toBe(true);
  });

  it('is not overdue on the day itself or before', () => {
    expect(isOverdue('2020-03-01', at('2020-03-01T00:00:00Z'))).toBe(false);
    expect(isOverdue('2020-03-01', at('2020-03-01T23:59:59Z'))).toBe(false);
    expect(isOverdue('2020-03-01', at('2019-12-31T10:00:00Z'))).toBe(false);
  });

  it('uses the UTC date, whatever the hour', () => {
    // 23:30 UTC on the 1st is already the 2nd in Berlin, but not in UTC.
    expect(isOverdue('2020-03-01', at('2020-03-01T23:30:00Z'))).toBe(false);
    expect(isOverdue('2020-03-01', at('2020-03-02T00:30:00+02:00'))).toBe(false);
  });

  it('is never overdue without a valid date', () => {
    expect(isOverdue(null, at('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(undefined)).toBe(false);
    expect(isOverdue('', at('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue('soon', at('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('reviewState', () => {
  const now = at('2026-05-04T09:00:00Z');

  it('counts whole days across months and leap years', () => {
    expect(daysUntil('2026-05-05', now)).toBe(1);
    expect(daysUntil('2026-05-03', now)).toBe(-1);
    expect(daysUntil('2024-02-28', at('2024-03-01T00:00:00Z'))).toBe(-2);
  });

  it('classifies the review date', () => {
    expect(reviewState(null, now)).toEqual({ kind: 'none' });
    expect(reviewState('bad', now)).toEqual({ kind: 'invalid', value: 'bad' });
    expect(reviewState('2026-05-01', now)).toEqual({ kind: 'overdue', due: '2026-05-01', days: 3 });
    expect(reviewState('2026-05-04', now)).toEqual({
      kind: 'due-today',
      due: '2026-05-04',
      days: 0,
    });
    expect(reviewState('2026-05-20', now)).toMatchObject({ kind: 'due-soon', days: 16 });
    expect(reviewState('2026-06-03', now)).toMatchObject({ kind: 'due-soon', days: DUE_SOON_DAYS });
    expect(reviewState('2026-06-04', now)).toMatchObject({ kind: 'scheduled', days: 31 });
  });

  it('describes it in words', () => {
    expect(describeReview(reviewState('2026-05-03', now))).toBe('Overdue by 1 day');
    expect(describeReview(reviewState('2020-03-01', now))).toBe('Overdue by 2,255 days');
    expect(describeReview(reviewState('2026-05-04', now))).toBe('Due today');
    expect(describeReview(reviewState('2026-05-06', now))).toBe('Due in 2 days');
    expect(describeReview(reviewState(null, now))).toBe('No review date set');
  });
});
