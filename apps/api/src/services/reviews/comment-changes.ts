import { type Actor, ConflictError, type ReviewComment } from '@liaison/core';
import {
  type CommentRecord,
  findComment,
  type NewAuditEvent,
  type Pool,
  type PoolClient,
  type ReviewRecord,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableComment, requireCommentAction, toComment } from './review-view.js';

/**
 * The author changes a comment only until it has its answer: a comment with a disposition (or
 * already withdrawn) answers 409 comment_resolved to its author, 403 to everyone else.
 */
export function requireAuthorChange(
  actor: Actor,
  comment: CommentRecord,
  review: ReviewRecord,
  action: 'edit' | 'withdraw',
) {
  const isAuthor = actor.userId !== null && actor.userId === comment.authorId;
  if (isAuthor && comment.disposition !== null) {
    throw new ConflictError(
      'The comment has a disposition: it can no longer change',
      'comment_resolved',
    );
  }
  if (isAuthor && comment.withdrawnAt !== null) {
    throw new ConflictError('The comment was withdrawn', 'comment_withdrawn');
  }
  requireCommentAction(actor, comment, review, action);
}

/**
 * Runs `change` on a comment its author may still `action`, its row locked for the transaction,
 * then answers the comment as committed.
 */
export async function changeOwnComment(
  pool: Pool,
  context: RequestContext,
  id: string,
  action: 'edit' | 'withdraw',
  change: (client: PoolClient, comment: CommentRecord, review: ReviewRecord) => Promise<void>,
): Promise<ReviewComment> {
  requireUser(context.actor);
  const review = await withTransaction(pool, async (client) => {
    const { comment, review } = await findReadableComment(client, context.actor, id, {
      lock: true,
    });
    requireAuthorChange(context.actor, comment, review, action);
    await change(client, comment, review);
    return review;
  });
  return toComment((await findComment(pool, id))!, review, context.actor);
}

/**
 * Records in the audit trail what the author did to their comment, acting for the organization
 * they commented for; the comment is an object of the document's owner.
 */
export async function auditOwnComment(
  client: PoolClient,
  context: RequestContext,
  comment: CommentRecord,
  review: ReviewRecord,
  event: Pick<NewAuditEvent, 'action' | 'details'>,
): Promise<void> {
  await recordAuditEvent(client, {
    ...auditedBy(context, comment.organization ? [comment.organization.slug] : []),
    ...event,
    objectType: 'review-comment',
    objectId: comment.id,
    organization: review.document.organization,
  });
}
