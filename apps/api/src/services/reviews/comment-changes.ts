import { type Actor, ConflictError } from '@liaison/core';
import type { CommentRecord, ReviewRecord } from '@liaison/db';
import { requireCommentAction } from './review-view.js';

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
