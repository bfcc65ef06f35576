// Display helpers shared by server and client components. Pure: no I/O, no Node-only modules.

import { type DocumentStatus, type Role, VISIBILITIES, type Visibility } from '@liaison/core';
import { parseCalendarDate } from './register-review';

export type BadgeTone = 'success' | 'info' | 'warning' | 'neutral' | 'private';

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  'work-in-progress': 'Work in progress',
  informational: 'Informational',
  standard: 'Standard',
};

export const STATUS_TONES: Record<DocumentStatus, BadgeTone> = {
  'work-in-progress': 'warning',
  informational: 'info',
  standard: 'success',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  partners: 'Partners',
  organization: 'Organization only',
};

export const VISIBILITY_DESCRIPTIONS: Record<Visibility, string> = {
  public: 'Anyone, without signing in',
  partners: 'Members of the owner and of the other parties of its registers',
  organization: 'Members of the owner organization only',
};

export const VISIBILITY_TONES: Record<Visibility, BadgeTone> = {
  public: 'neutral',
  partners: 'info',
  organization: 'private',
};

/** The order forms offer visibilities in: the narrowest first. */
export const VISIBILITIES_NARROWEST_FIRST: readonly Visibility[] = [...VISIBILITIES].reverse();

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A byte count for people: "773 bytes", "1.5 MiB", "1 GiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  const text = value.toFixed(digits).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

/** Whole-number percentage of `loaded` out of `total`, clamped to 0–100. */
export function percentOf(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** "12.5 MiB of 1 GiB (1 %)" for a progress bar's text. */
export function progressText(loaded: number, total: number): string {
  return `${formatBytes(loaded)} of ${formatBytes(total)} (${percentOf(loaded, total)} %)`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
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
  timeZone: 'UTC',
  timeZoneName: 'short',
});

const calendarFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A timestamp or an ISO calendar date (midnight UTC); null if it does not parse. */
export function parseDate(value: string): Date | null {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "27 Nov 2026" (UTC, so server and browser agree); anything unparsable is returned as given. */
export function formatDate(value: string): string {
  const date = parseDate(value);
  return date ? dateFormat.format(date) : value;
}

/** "27 Nov 2026, 11:59 UTC". */
export function formatDateTime(value: string): string {
  const date = parseDate(value);
  return date ? dateTimeFormat.format(date) : value;
}

/** "13 September 2018" for an ISO calendar date; null if it is not one. */
export function formatCalendarDate(value: string): string | null {
  const time = parseCalendarDate(value);
  return time === null ? null : calendarFormat.format(time);
}

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function visibilityLabel(visibility: string): string {
  return (VISIBILITY_LABELS as Record<string, string>)[visibility] ?? visibility;
}

/** The article before a role's name in a sentence: "a member", "an editor", "an admin". */
export function roleArticle(role: Role): 'a' | 'an' {
  return role === 'member' ? 'a' : 'an';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first `max` characters of a text at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
