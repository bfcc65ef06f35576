import {
  allowReview,
  CSV_BOM,
  csvRow,
  DISPOSITIONS,
  NotFoundError,
  type ResolutionLog,
  type ResolutionLogQuery,
  type ReviewComment,
} from '@liaison/core';
import { listReadableComments, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import {
  findReadableReview,
  loadReview,
  reviewSubjectOf,
  toComment,
  viewerOf,
} from './review-view.js';

export type ResolutionLogAnswer =
  | { format: 'json'; log: ResolutionLog }
  | { format: 'csv'; filename: string; text: string };

const CSV_HEADER = [
  'Number',
  'Kind',
  'Location',
  'Version',
  'Organization',
  'Author',
  'Comment',
  'Proposed change',
  'Disposition',
  'Response',
  'Resolved in',
  'Duplicate of',
  'Withdrawn',
  'Submitted at',
];

function csvOf(log: ResolutionLog): string {
  const numbers = new Map(log.comments.map((comment) => [comment.id, comment.number]));
  const rows = log.comments.map((comment) => [
    comment.number,
    comment.kind,
    comment.location,
    comment.version.label,
    comment.organization?.name ?? '',
    comment.author ?? '',
    comment.body,
    comment.proposedChange,
    comment.disposition?.value ?? '',
    comment.disposition?.response ?? '',
    comment.disposition?.resolvedIn?.label ?? '',
    comment.disposition?.duplicateOf ? (numbers.get(comment.disposition.duplicateOf) ?? '') : '',
    comment.withdrawn,
    comment.createdAt,
  ]);
  return CSV_BOM + [CSV_HEADER, ...rows].map(csvRow).join('');
}

function countsOf(comments: ReviewComment[]): ResolutionLog['counts'] {
  const standing = comments.filter((comment) => !comment.withdrawn);
  const byDisposition: Record<string, number> = { none: 0 };
  for (const value of DISPOSITIONS) byDisposition[value] = 0;
  for (const comment of standing) {
    const key = comment.disposition?.value ?? 'none';
    byDisposition[key] = (byDisposition[key] ?? 0) + 1;
  }
  return {
    total: standing.length,
    resolved: standing.length - byDisposition.none!,
    byDisposition,
  };
}

/**
 * The resolution log: every comment with its disposition and response, the counts per disposition
 * and "N of M resolved" (withdrawn comments listed, not counted), as JSON or as CSV safe to open
 * in a spreadsheet. The owner's editors and admins read it always, every reader of the document
 * once it is published (then attributed to organizations, never to persons); to anyone else it
 * does not exist. The filters narrow the comments, never the counts.
 */
export async function getResolutionLog(
  pool: Pool,
  context: RequestContext,
  reviewId: string,
  query: ResolutionLogQuery,
): Promise<ResolutionLogAnswer> {
  const record = await findReadableReview(pool, context.actor, reviewId);
  if (!allowReview(context.actor, 'read-log', reviewSubjectOf(record))) {
    throw new NotFoundError('The resolution log of this review is not published');
  }
  const records = await listReadableComments(pool, {
    reviewId,
    viewer: viewerOf(context.actor),
  });
  const comments = records.map((comment) => toComment(comment, record, context.actor));
  const shown = comments.filter(
    (comment) =>
      (query.kind === undefined || comment.kind === query.kind) &&
      (query.disposition === undefined ||
        (comment.disposition?.value ?? 'none') === query.disposition),
  );
  const log: ResolutionLog = {
    review: await loadReview(pool, record, context.actor),
    counts: countsOf(comments),
    comments: shown,
  };
  if (query.format !== 'csv') return { format: 'json', log };
  return {
    format: 'csv',
    filename: `${record.document.identifier}_${record.version.label}_comments.csv`,
    text: csvOf(log),
  };
}
