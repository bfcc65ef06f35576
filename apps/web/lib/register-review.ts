/**
 * When a work register is due for review, and whether that date has passed. Registers carry a
 * calendar date (YYYY-MM-DD) with no time zone; "today" is the UTC calendar date, so every
 * visitor and the server agree on whether a register is overdue.
 */

export type ReviewState =
  | { kind: 'none' }
  /** The date is not a valid calendar date; shown as given. */
  | { kind: 'invalid'; value: string }
  | { kind: 'overdue'; due: string; days: number }
  | { kind: 'due-today'; due: string; days: 0 }
  | { kind: 'due-soon'; due: string; days: number }
  | { kind: 'scheduled'; due: string; days: number };

/** A review due within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight of an ISO calendar date, or null if it is not a real date. */
export function parseCalendarDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  // Rejects 2024-02-30 and friends, which Date.UTC would roll over into March.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return time;
}

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from today (UTC) until the review date; negative once it has passed. */
export function daysUntil(due: string, now: Date): number | null {
  const dueTime = parseCalendarDate(due);
  if (dueTime === null) return null;
  const today = parseCalendarDate(utcDate(now))!;
  return Math.round((dueTime - today) / DAY_MS);
}

/** A register is overdue once its review date lies before today; on the day itself it is due. */
export function isOverdue(reviewDue: string | null | undefined, now: Date = new Date()): boolean {
  return reviewState(reviewDue, now).kind === 'overdue';
}

export function reviewState(
  reviewDue: string | null | undefined,
  now: Date = new Date(),
): ReviewState {
  if (!reviewDue) return { kind: 'none' };
  const days = daysUntil(reviewDue, now);
  if (days === null) return { kind: 'invalid', value: reviewDue };
  if (days < 0) return { kind: 'overdue', due: reviewDue, days: -days };
  if (days === 0) return { kind: 'due-today', due: reviewDue, days: 0 };
  if (days <= DUE_SOON_DAYS) return { kind: 'due-soon', due: reviewDue, days };
  return { kind: 'scheduled', due: reviewDue, days };
}

/** A short phrase for the review state: "overdue by 3 days", "due in 12 days", … */
export function describeReview(state: ReviewState): string {
  switch (state.kind) {
    case 'none':
      return 'No review date set';
    case 'invalid':
      return state.value;
    case 'overdue':
      return `Overdue by ${plural(state.days, 'day')}`;
    case 'due-today':
      return 'Due today';
    case 'due-soon':
    case 'scheduled':
      return `Due in ${plural(state.days, 'day')}`;
  }
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
