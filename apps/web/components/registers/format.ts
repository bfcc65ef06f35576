/** How dates, statuses and visibilities read on the registers, workspace and admin pages. */

import type { DocumentStatus, Visibility } from '@liaison/core';
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

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  'work-in-progress': 'Work in progress',
  informational: 'Informational',
  standard: 'Standard',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  partners: 'Partners',
  organization: 'Organization only',
};

export const VISIBILITY_HINTS: Record<Visibility, string> = {
  public: 'Anyone can read it, without signing in',
  partners: 'Members of the parties to the registers it is shared under',
  organization: 'Members of the owner organization only',
};

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function visibilityLabel(visibility: string): string {
  return (VISIBILITY_LABELS as Record<string, string>)[visibility] ?? visibility;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
