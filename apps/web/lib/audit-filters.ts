/**
 * The audit log's filters as they travel in the page's URL (`?action=&actor=&object=&from=&to=
 * &organization=&cursor=`), and their translation into the API's query. Dates are calendar days
 * in UTC; "to" includes the whole day. Pure, so the page, the CSV export and tests share it.
 */

import {
  AUDIT_FILTER_MAX_LENGTH,
  type AuditListQuery,
  EMAIL_MAX_LENGTH,
  isAuditAction,
  isSlug,
} from '@liaison/core';
import { parseCalendarDate } from './register-review';

export interface AuditFilters {
  action: string;
  actor: string;
  object: string;
  organization: string;
  /** YYYY-MM-DD, first day included. */
  from: string;
  /** YYYY-MM-DD, last day included. */
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  action: '',
  actor: '',
  object: '',
  organization: '',
  from: '',
  to: '',
};

const CURSOR = /^[0-9]{1,19}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParams, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? '').trim();
}

export interface ParsedAuditFilters {
  filters: AuditFilters;
  cursor: string;
  /** Cursors of the pages before this one, oldest first ('' for the first page). */
  trail: string[];
  /** Problems with the input, one per field, for the form to show. */
  problems: Partial<Record<keyof AuditFilters, string>>;
}

export function parseAuditFilters(params: SearchParams): ParsedAuditFilters {
  const problems: ParsedAuditFilters['problems'] = {};
  const filters: AuditFilters = {
    action: first(params, 'action'),
    actor: first(params, 'actor').slice(0, EMAIL_MAX_LENGTH),
    object: first(params, 'object').slice(0, AUDIT_FILTER_MAX_LENGTH),
    organization: first(params, 'organization').toLowerCase(),
    from: first(params, 'from'),
    to: first(params, 'to'),
  };
  if (filters.action && !isAuditAction(filters.action)) {
    problems.action = 'Not an action the audit log records.';
    filters.action = '';
  }
  if (filters.organization && !isSlug(filters.organization)) {
    problems.organization = 'Not an organization identifier.';
    filters.organization = '';
  }
  for (const key of ['from', 'to'] as const) {
    if (filters[key] && parseCalendarDate(filters[key]) === null) {
      problems[key] = 'Enter a date as YYYY-MM-DD.';
      filters[key] = '';
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.to = 'The end date lies before the start date.';
  }
  const cursor = first(params, 'cursor');
  const valid = CURSOR.test(cursor) ? cursor : '';
  return {
    filters,
    cursor: valid,
    trail: valid ? parseTrail(first(params, 'trail')) : [],
    problems,
  };
}

/** The most pages "Previous" can walk back through. */
export const MAX_TRAIL = 50;

function parseTrail(raw: string): string[] {
  if (!raw) return [''];
  return raw
    .split('.')
    .slice(-MAX_TRAIL)
    .map((part) => (part === 'first' || !CURSOR.test(part) ? '' : part));
}

function formatTrail(trail: readonly string[]): string {
  return trail
    .slice(-MAX_TRAIL)
    .map((cursor) => cursor || 'first')
    .join('.');
}

export interface AuditPageLinks {
  /** The 1-based number of this page, as far as the trail knows. */
  page: number;
  previous: string | null;
  next: string | null;
  first: string | null;
}

/**
 * Links (query strings) to the neighbouring pages. The API pages backwards in time by cursor
 * only, so the cursors of earlier pages travel along in `trail` for "Previous".
 */
export function auditPageLinks(
  filters: AuditFilters,
  current: { cursor: string; trail: readonly string[] },
  nextCursor: string | null,
): AuditPageLinks {
  const at = (cursor: string, trail: readonly string[]) =>
    auditSearch(filters, cursor ? { cursor, trail: formatTrail(trail) } : {}) || '?';
  const back = current.trail[current.trail.length - 1];
  return {
    page: current.cursor ? current.trail.length + 1 : 1,
    previous: current.cursor ? at(back ?? '', current.trail.slice(0, -1)) : null,
    next: nextCursor ? at(nextCursor, [...current.trail, current.cursor]) : null,
    first: current.cursor ? at('', []) : null,
  };
}

/** The API's query for these filters (`since` inclusive, `until` exclusive, both UTC). */
export function auditApiQuery(
  filters: AuditFilters,
  page: { cursor?: string; limit?: number } = {},
): AuditListQuery {
  const since = filters.from ? parseCalendarDate(filters.from) : null;
  const to = filters.to ? parseCalendarDate(filters.to) : null;
  return {
    // parseAuditFilters keeps only actions the log records.
    action: isAuditAction(filters.action) ? filters.action : undefined,
    actor: filters.actor || undefined,
    objectId: filters.object || undefined,
    organization: filters.organization || undefined,
    since: since === null ? undefined : new Date(since).toISOString(),
    until: to === null ? undefined : new Date(to + DAY_MS).toISOString(),
    cursor: page.cursor || undefined,
    limit: page.limit,
  };
}

/** The filters as a query string for links (pagination, export), without empty fields. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some(Boolean);
}
