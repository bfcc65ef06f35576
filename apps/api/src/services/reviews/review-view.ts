import {
  type Actor,
  allowComment,
  allowReview,
  type CommentAction,
  type CommentSubject,
  ForbiddenError,
  hasRole,
  NotFoundError,
  organizationsOf,
  type Review,
  type ReviewAction,
  type ReviewComment,
  type ReviewSubject,
  reviewPermissions,
  reviewState,
  showsCommentAuthor,
  utcDate,
} from '@liaison/core';
import {
  type CommentRecord,
  findComment,
  findReview,
  type Queryable,
  type ReviewRecord,
  type ReviewViewer,
  reviewCommentCounts,
} from '@liaison/db';
import { subjectOf } from '../documents/document-view.js';
import { readableFinder } from '../readable-finder.js';

/** Today as reviews count days: in UTC, so every replica agrees when a review closes. */
export function today(): string {
  return utcDate(new Date());
}

export function reviewSubjectOf(record: ReviewRecord, day = today()): ReviewSubject {
  return {
    document: subjectOf(record.document),
    state: reviewState(record, day),
    logPublished: record.logPublishedAt !== null,
    versionWithdrawn: record.version.withdrawn,
  };
}

export function commentSubjectOf(comment: CommentRecord, review: ReviewRecord): CommentSubject {
  return {
    review: reviewSubjectOf(review),
    authorId: comment.authorId,
    organization: comment.organization?.slug ?? null,
    hasDisposition: comment.disposition !== null,
    withdrawn: comment.withdrawnAt !== null,
  };
}

/** The comment read rule's inputs for the SQL lists (review-policy.ts, allowComment 'read'). */
export function viewerOf(actor: Actor): ReviewViewer {
  const memberOf = organizationsOf(actor);
  return {
    userId: actor.userId,
    memberOf,
    writerOf: memberOf.filter((organization) => hasRole(actor, organization, 'editor')),
  };
}

/** The review if the actor may read it; otherwise NotFoundError. */
export const findReadableReview = readableFinder(
  findReview,
  (actor, record) => allowReview(actor, 'read', reviewSubjectOf(record)),
  'No such review',
);

/** The comment and its review if the actor may read the comment; otherwise NotFoundError. */
export async function findReadableComment(
  db: Queryable,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ comment: CommentRecord; review: ReviewRecord }> {
  const comment = await findComment(db, id, options);
  const review = comment && (await findReview(db, comment.reviewId));
  if (!comment || !review || !allowComment(actor, 'read', commentSubjectOf(comment, review))) {
    throw new NotFoundError('No such comment');
  }
  return { comment, review };
}

const REVIEW_WHY: Record<ReviewAction, string> = {
  read: 'read this review',
  open: "open a review (editors and admins of the document's owner)",
  comment: 'comment on this review (whoever may read the reviewed version)',
  manage: "change or close this review (editors and admins of the document's owner)",
  dispose: "give dispositions (editors and admins of the document's owner)",
  'read-log':
    "read the resolution log (editors and admins of the document's owner, until it is published)",
  'publish-log': "publish the resolution log (editors and admins of the document's owner)",
};

export function requireReviewAction(actor: Actor, record: ReviewRecord, action: ReviewAction) {
  if (!allowReview(actor, action, reviewSubjectOf(record))) {
    throw new ForbiddenError(`Only some people may ${REVIEW_WHY[action]}`);
  }
}

const COMMENT_WHY: Record<CommentAction, string> = {
  read: 'read this comment',
  edit: 'edit this comment (its author, until it has a disposition)',
  withdraw: 'withdraw this comment (its author, until it has a disposition)',
  dispose: "give this comment a disposition (editors and admins of the document's owner)",
};

export function requireCommentAction(
  actor: Actor,
  comment: CommentRecord,
  review: ReviewRecord,
  action: CommentAction,
) {
  if (!allowComment(actor, action, commentSubjectOf(comment, review))) {
    throw new ForbiddenError(`Only some people may ${COMMENT_WHY[action]}`);
  }
}

export function toReview(
  record: ReviewRecord,
  actor: Actor,
  counts: { comments: number; resolved: number } | undefined,
): Review {
  const subject = reviewSubjectOf(record);
  return {
    id: record.id,
    document: {
      id: record.document.id,
      organization: record.document.organization,
      identifier: record.document.identifier,
      title: record.document.title,
    },
    version: { id: record.version.id, label: record.version.label },
    title: record.title,
    note: record.note,
    closesOn: record.closesOn,
    state: subject.state,
    closedAt: record.closedAt ? record.closedAt.toISOString() : null,
    requiresIprAcknowledgement: record.requiresIpr,
    logPublishedAt: record.logPublishedAt ? record.logPublishedAt.toISOString() : null,
    counts: counts ?? { comments: 0, resolved: 0 },
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    permissions: reviewPermissions(actor, subject),
  };
}

/** The reviews as the actor sees them, each with the counts of the comments they may read. */
export async function toReviews(
  db: Queryable,
  records: ReviewRecord[],
  actor: Actor,
): Promise<Review[]> {
  const counts = await reviewCommentCounts(
    db,
    records.map((record) => record.id),
    viewerOf(actor),
  );
  return records.map((record) => toReview(record, actor, counts.get(record.id)));
}

/** The comment as the actor sees it: a published log's readers see the organization, not the person. */
export function toComment(
  comment: CommentRecord,
  review: ReviewRecord,
  actor: Actor,
): ReviewComment {
  const subject = commentSubjectOf(comment, review);
  const named = showsCommentAuthor(actor, subject);
  const attachment = comment.attachment;
  const disposition = comment.disposition;
  return {
    id: comment.id,
    review: comment.reviewId,
    number: comment.number,
    version: comment.version,
    location: comment.location,
    kind: comment.kind,
    body: comment.body,
    proposedChange: comment.proposedChange,
    attachment: attachment
      ? {
          filename: attachment.filename,
          size: Number(attachment.size),
          mediaType: attachment.mediaType,
          sha256: attachment.sha256,
        }
      : null,
    author: named ? comment.author : null,
    organization: comment.organization,
    withdrawn: comment.withdrawnAt !== null,
    disposition: disposition
      ? {
          value: disposition.value,
          response: disposition.response,
          resolvedIn: disposition.resolvedIn,
          duplicateOf: disposition.duplicateOf,
          at: disposition.at.toISOString(),
          by: named ? disposition.by : null,
        }
      : null,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    permissions: {
      edit: allowComment(actor, 'edit', subject),
      dispose: allowComment(actor, 'dispose', subject),
    },
  };
}

export async function loadReview(db: Queryable, record: ReviewRecord, actor: Actor) {
  return (await toReviews(db, [record], actor))[0]!;
}
