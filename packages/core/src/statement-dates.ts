/**
 * A statement's deadline as days: whether a deadline fits its purpose, how many days are left, and
 * which reminder is due. Deadlines are calendar dates (YYYY-MM-DD) counted in UTC, so every API
 * process and the web app agree on "today".
 */
import type { StatementPurpose } from './statement-schemas.js';
import { expectsAnswer } from './statement-schemas.js';

export type DeadlineRefusal =
  | 'deadline_required'
  | 'deadline_not_allowed'
  | 'deadline_invalid'
  | 'deadline_passed';

const DAY_MS = 86_400_000;

/** Today's date in UTC, YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/**
 * Why a deadline does not fit, or null: comment and action statements need one, information ones
 * take none (a response may carry one), a deadline is a real date, and never before today.
 */
export function deadlineRefusal(
  purpose: StatementPurpose,
  deadline: string | null,
  today: string,
): DeadlineRefusal | null {
  if (deadline === null) return expectsAnswer(purpose) ? 'deadline_required' : null;
  if (purpose === 'information') return 'deadline_not_allowed';
  if (Number.isNaN(Date.parse(`${deadline}T00:00:00Z`)) || addDays(deadline, 0) !== deadline) {
    return 'deadline_invalid';
  }
  return daysBetween(today, deadline) < 0 ? 'deadline_passed' : null;
}

/** Days until the deadline (negative once overdue); null without one. */
export function daysLeft(deadline: string | null, today: string): number | null {
  return deadline === null ? null : daysBetween(today, deadline);
}

/** Reminders before the deadline, in days before it; then weekly once overdue, 8 weeks at most. */
export const REMINDER_DAYS_BEFORE = [14, 7, 3, 1, 0] as const;
export const OVERDUE_REMINDER_WEEKS = 8;

/**
 * The reminder step due today for an owed statement, or null: `before-14`, `before-7`, `before-3`,
 * `before-1`, `due` on the day, then `overdue-1` … `overdue-8` (weeks). When the reminder job was
 * not run for a while, only the latest step that has come is due: a late run sends one reminder,
 * not a burst. Each step is sent at most once per statement (the outbox's unique key).
 */
export function dueReminderStep(deadline: string, today: string): string | null {
  const left = daysBetween(today, deadline);
  if (left > REMINDER_DAYS_BEFORE[0]) return null;
  if (left >= 0) {
    const step = REMINDER_DAYS_BEFORE.find((days) => left <= days && left >= nextStepAfter(days));
    if (step === undefined) return null;
    return step === 0 ? 'due' : `before-${step}`;
  }
  const weeks = Math.floor(-left / 7);
  if (weeks < 1) return 'due';
  return weeks > OVERDUE_REMINDER_WEEKS ? null : `overdue-${weeks}`;
}

/** The day count of the step after `days` (the reminder for `days` covers until then). */
function nextStepAfter(days: number): number {
  const index = REMINDER_DAYS_BEFORE.indexOf(days as (typeof REMINDER_DAYS_BEFORE)[number]);
  const next = REMINDER_DAYS_BEFORE[index + 1];
  return next === undefined ? 0 : next + 1;
}
