/** How dates, statuses and visibilities read on the registers, workspace and admin pages. */

import { STATUS_LABELS, VISIBILITY_LABELS } from '../../lib/format';
import { parseCalendarDate } from '../../lib/register-review';

const calendarFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const shortDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});

/** "13 September 2018" for an ISO calendar date; null if it is not one. */
export function formatCalendarDate(value: string): string | null {
  const time = parseCalendarDate(value);
  return time === null ? null : calendarFormat.format(time);
}

/** "4 May 2026" for a timestamp (UTC); null if it does not parse. */
export function formatShortDate(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : shortDateFormat.format(time);
}

/** "4 May 2026, 14:03 UTC"; null if it does not parse. */
export function formatDateTime(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : `${dateTimeFormat.format(time)} UTC`;
}

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function visibilityLabel(visibility: string): string {
  return (VISIBILITY_LABELS as Record<string, string>)[visibility] ?? visibility;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
