/** Pure helpers of the review pages: links, wording and counts. Safe in client components. */
import {
  COMMENT_KINDS,
  type CommentKind,
  DISPOSITIONS,
  type Disposition,
  type UpdateCommentBody,
} from '@liaison/core';

const DAY_MS = 86_400_000;

export function reviewPath(id: string): string {
  return `/reviews/${encodeURIComponent(id)}`;
}

/** The streaming upload proxy a comment (fields, then the optional file) is posted to. */
export function commentUploadUrl(reviewId: string): string {
  return `/api/reviews/${encodeURIComponent(reviewId)}/comments`;
}

/** The resolution log as a file, through the portal's proxy; the filters narrow its comments. */
export function logExportHref(
  reviewId: string,
  format: 'csv' | 'json',
  filters: LogFilters = {},
): string {
  const query = new URLSearchParams({ format });
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.disposition) query.set('disposition', filters.disposition);
  return `${reviewPath(reviewId)}/log?${query}`;
}

export interface LogFilters {
  kind?: CommentKind;
  disposition?: Disposition | 'none';
}

/** The filters of a page's query: unknown values are dropped, never sent on. */
export function logFilters(query: Record<string, string | string[] | undefined>): LogFilters {
  const kind = query.kind;
  const disposition = query.disposition;
  return {
    ...(typeof kind === 'string' && (COMMENT_KINDS as readonly string[]).includes(kind)
      ? { kind: kind as CommentKind }
      : {}),
    ...(typeof disposition === 'string' &&
    (disposition === 'none' || (DISPOSITIONS as readonly string[]).includes(disposition))
      ? { disposition: disposition as Disposition | 'none' }
      : {}),
  };
}

/** Whole UTC days from `today` to the closing date; the closing day itself counts as open. */
export function daysLeft(closesOn: string, now: Date = new Date()): number {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((Date.parse(`${closesOn}T00:00:00Z`) - today) / DAY_MS);
}

/** "12 days left", "closes today" or "closed". */
export function daysLeftText(closesOn: string, now: Date = new Date()): string {
  const days = daysLeft(closesOn, now);
  if (days < 0) return 'closed';
  if (days === 0) return 'closes today';
  return `${days} day${days === 1 ? '' : 's'} left`;
}

export function resolvedText(counts: { total: number; resolved: number }): string {
  return `${counts.resolved} of ${counts.total} resolved`;
}

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  accepted: 'Accepted',
  'accepted-with-changes': 'Accepted with changes',
  rejected: 'Rejected',
  deferred: 'Deferred',
  duplicate: 'Duplicate',
};

export const KIND_LABELS: Record<CommentKind, string> = {
  editorial: 'Editorial',
  technical: 'Technical',
  general: 'General',
};

/** Each disposition with its count (zero included), in the order of DISPOSITIONS. */
export function dispositionCounts(
  byDisposition: Record<string, number>,
): Array<{ disposition: Disposition; label: string; count: number }> {
  return DISPOSITIONS.map((disposition) => ({
    disposition,
    label: DISPOSITION_LABELS[disposition],
    count: byDisposition[disposition] ?? 0,
  }));
}

/** Open reviews, closing soonest first (then by title), whatever order they came in. */
export function byClosingSoonest<T extends { closesOn: string; title: string }>(
  reviews: readonly T[],
): T[] {
  return [...reviews].sort(
    (a, b) => a.closesOn.localeCompare(b.closesOn) || a.title.localeCompare(b.title),
  );
}

/** A comment's attachment, through the portal's streaming download proxy. */
export function commentAttachmentHref(reviewId: string, commentId: string): string {
  return `${reviewPath(reviewId)}/comments/${encodeURIComponent(commentId)}/attachment`;
}

/**
 * What an author's edit of a comment changes, from the edit form's fields: the comment must stay
 * non-empty; an empty location or proposed change clears it. Null when the comment text is empty.
 */
export function commentChangeFrom(fields: {
  location: string;
  kind: string;
  body: string;
  proposedChange: string;
}): UpdateCommentBody | null {
  const body = fields.body.replace(/\r\n/g, '\n');
  if (body.trim() === '') return null;
  return {
    location: fields.location.trim(),
    ...(isCommentKind(fields.kind) ? { kind: fields.kind } : {}),
    body,
    proposedChange: fields.proposedChange.replace(/\r\n/g, '\n'),
  };
}

function isCommentKind(value: string): value is CommentKind {
  return (COMMENT_KINDS as readonly string[]).includes(value);
}
