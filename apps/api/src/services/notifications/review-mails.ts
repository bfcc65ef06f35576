import { actorFromMemberships, addDays, allowComment, utcDate } from '@liaison/core';
import {
  enqueueMail,
  findComment,
  findReview,
  findUserById,
  listCommentsAfter,
  listMemberships,
  lockReviewsWithUnmailedComments,
  markCommentsMailed,
  organizationWriterAddresses,
  type Pool,
  type Queryable,
  type ReviewRecord,
  reviewCallRecipients,
  reviewsClosingBy,
  withTransaction,
} from '@liaison/db';
import { commentSubjectOf } from '../reviews/review-view.js';

/** A closing reminder goes this many days before the last day of a review. */
export const REVIEW_CLOSING_NOTICE_DAYS = 3;
/** The owner's editors hear of new comments at most this often per review. */
export const COMMENT_DIGEST_INTERVAL_MS = 3_600_000;

function documentLine(review: ReviewRecord): string {
  return `${review.document.identifier} "${review.document.title}", version ${review.version.label}`;
}

function without(addresses: string[], actorEmail: string | null): string[] {
  const actor = actorEmail?.toLowerCase();
  return addresses.filter((address) => address.toLowerCase() !== actor);
}

function excerpt(text: string, length = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * The mails about reviews queued in the transaction of their event. Who gets them may read what
 * they say: calls for comments go to the members of the organizations that may read the document
 * (who opted in), comment digests to the owner's editors and admins, a disposition to the author
 * only while they may still read their comment.
 */
export const reviewMails = {
  /** A review opened: to the opted-in members of the organizations that may read the document. */
  async opened(client: Queryable, event: { reviewId: string; actorEmail: string | null }) {
    const review = await findReview(client, event.reviewId);
    if (!review) return 0;
    return enqueueMail(client, {
      kind: 'review.opened',
      recipients: without(await reviewCallRecipients(client, review.document.id), event.actorEmail),
      subject: `Call for comments until ${review.closesOn}: ${review.document.identifier} ${review.version.label}`,
      text: [
        `${review.document.organization.toUpperCase()} asks for comments on ${documentLine(review)}: "${review.title}".`,
        `Comments are accepted until ${review.closesOn} (UTC).`,
        ...(review.note ? ['', review.note] : []),
        '',
        'You asked to be told about calls for comments; change that in your notification settings in Liaison.',
      ].join('\n'),
      linkPath: `/documents/${review.document.id}`,
    });
  },

  /** A disposition: to the comment's author, while they may still read the comment. */
  async disposed(client: Queryable, event: { commentId: string; actorEmail: string | null }) {
    const comment = await findComment(client, event.commentId);
    const review = comment && (await findReview(client, comment.reviewId));
    const author = comment?.authorId ? await findUserById(client, comment.authorId) : undefined;
    if (!comment?.disposition || !review || !author || author.disabled) return 0;
    const reader = actorFromMemberships(author, await listMemberships(client, author.id));
    if (!allowComment(reader, 'read', commentSubjectOf(comment, review))) return 0;
    return enqueueMail(client, {
      kind: 'review.comment.disposed',
      recipients: without([author.email], event.actorEmail),
      subject: `Your comment ${comment.number} on ${review.document.identifier}: ${comment.disposition.value}`,
      text: [
        `Your comment ${comment.number} in "${review.title}" (${documentLine(review)}) has the disposition ${comment.disposition.value}.`,
        ...(comment.disposition.response ? ['', comment.disposition.response] : []),
      ].join('\n'),
      linkPath: `/documents/${review.document.id}`,
    });
  },
};

/**
 * Queues the reminder of every review open today whose last day is at most
 * REVIEW_CLOSING_NOTICE_DAYS away, to the same people as the call: once per review and closing
 * date (the outbox's dedupe key), however often it runs and on however many replicas. An extended
 * review is reminded of again before its new date. Returns the mails queued.
 */
export async function enqueueReviewClosingReminders(pool: Pool, now: Date): Promise<number> {
  const today = utcDate(now);
  const reviews = await reviewsClosingBy(pool, today, addDays(today, REVIEW_CLOSING_NOTICE_DAYS));
  let queued = 0;
  for (const review of reviews) {
    queued += await withTransaction(pool, async (client) =>
      enqueueMail(client, {
        kind: 'review.closing',
        recipients: await reviewCallRecipients(client, review.document.id),
        subject: `Comments close ${review.closesOn}: ${review.document.identifier} ${review.version.label}`,
        text: [
          `The call for comments "${review.title}" on ${documentLine(review)} closes at the end of ${review.closesOn} (UTC).`,
          '',
          'You asked to be told about calls for comments; change that in your notification settings in Liaison.',
        ].join('\n'),
        linkPath: `/documents/${review.document.id}`,
        dedupeKey: `review-closing:${review.id}:${review.closesOn}`,
      }),
    );
  }
  return queued;
}

/**
 * Tells the owner's editors and admins of the comments made since their last mail about the
 * review, in one mail listing them, at most once per COMMENT_DIGEST_INTERVAL_MS per review. The
 * reviews are locked (skipping those another run holds) until their mail is queued, so two runs
 * never send the same comments twice. Returns the mails queued.
 */
export async function enqueueCommentDigests(pool: Pool, now: Date): Promise<number> {
  return withTransaction(pool, async (client) => {
    const due = await lockReviewsWithUnmailedComments(
      client,
      new Date(now.getTime() - COMMENT_DIGEST_INTERVAL_MS),
    );
    let queued = 0;
    for (const { id, mailedThrough } of due) {
      const review = (await findReview(client, id))!;
      const comments = await listCommentsAfter(client, id, mailedThrough);
      const recipients = await organizationWriterAddresses(client, review.document.organization);
      if (comments.length > 0) {
        const first = comments[0]!.number;
        const last = comments[comments.length - 1]!.number;
        queued += await enqueueMail(client, {
          kind: 'review.comments',
          recipients,
          subject: `${comments.length} new comment${comments.length > 1 ? 's' : ''} on ${review.document.identifier} ${review.version.label}`,
          text: [
            `New comments in "${review.title}" (${documentLine(review)}):`,
            '',
            ...comments.map(
              (comment) =>
                `${comment.number}. ${comment.kind}${comment.location ? `, ${comment.location}` : ''} (${comment.organization?.name ?? comment.author ?? 'someone'}): ${excerpt(comment.body)}`,
            ),
            '',
            "You are an editor or admin of the document's owner: give each comment its disposition in Liaison.",
          ].join('\n'),
          linkPath: `/documents/${review.document.id}`,
          dedupeKey: `review-comments:${id}:${first}-${last}`,
        });
      }
      await markCommentsMailed(client, id, review.lastCommentNumber, now);
    }
    return queued;
  });
}
