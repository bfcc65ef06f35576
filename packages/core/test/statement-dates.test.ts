import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysLeft,
  deadlineRefusal,
  dueReminderStep,
  utcDate,
} from '../src/statement-dates.js';

const today = '2026-12-04';

describe('deadlines', () => {
  it('requires one for comment and action, refuses one for information', () => {
    expect(deadlineRefusal('comment', null, today)).toBe('deadline_required');
    expect(deadlineRefusal('action', null, today)).toBe('deadline_required');
    expect(deadlineRefusal('information', '2027-01-01', today)).toBe('deadline_not_allowed');
    expect(deadlineRefusal('information', null, today)).toBeNull();
    expect(deadlineRefusal('response', null, today)).toBeNull();
    expect(deadlineRefusal('response', '2027-01-01', today)).toBeNull();
  });

  it('takes today, refuses yesterday and dates that do not exist', () => {
    expect(deadlineRefusal('comment', today, today)).toBeNull();
    expect(deadlineRefusal('comment', '2026-12-03', today)).toBe('deadline_passed');
    expect(deadlineRefusal('comment', '2027-02-30', today)).toBe('deadline_invalid');
  });

  it('counts days left in UTC calendar days, negative once overdue', () => {
    expect(daysLeft('2026-12-18', today)).toBe(14);
    expect(daysLeft('2026-11-27', today)).toBe(-7);
    expect(daysLeft(null, today)).toBeNull();
    expect(utcDate(new Date('2026-12-04T23:59:59Z'))).toBe(today);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('reminder steps', () => {
  const deadline = '2026-12-31';
  const stepOn = (daysBefore: number) => dueReminderStep(deadline, addDays(deadline, -daysBefore));

  it('is silent until 14 days before', () => {
    expect(stepOn(15)).toBeNull();
    expect(stepOn(30)).toBeNull();
  });

  it('names one step for each day before the deadline, the latest that has come', () => {
    const steps = [14, 13, 8, 7, 4, 3, 2, 1, 0].map(stepOn);
    expect(steps).toEqual([
      'before-14',
      'before-14',
      'before-14',
      'before-7',
      'before-7',
      'before-3',
      'before-3',
      'before-1',
      'due',
    ]);
  });

  it('goes weekly while overdue, for eight weeks, then stops', () => {
    expect(stepOn(-1)).toBe('due');
    expect(stepOn(-6)).toBe('due');
    expect(stepOn(-7)).toBe('overdue-1');
    expect(stepOn(-13)).toBe('overdue-1');
    expect(stepOn(-14)).toBe('overdue-2');
    expect(stepOn(-56)).toBe('overdue-8');
    expect(stepOn(-63)).toBeNull();
  });

  it('gives 13 distinct steps over the whole life of a statement', () => {
    const steps = new Set<string>();
    for (let day = 20; day >= -70; day--) {
      const step = stepOn(day);
      if (step) steps.add(step);
    }
    expect(steps.size).toBe(5 + 8);
  });
});
