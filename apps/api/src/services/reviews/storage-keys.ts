/** Where a comment's attachment lives: generated here, never derived from anything the client sent. */
export function commentAttachmentStorageKey(reviewId: string, commentId: string): string {
  return `review-comments/${reviewId}/${commentId}`;
}

/** Every comment attachment lives under this prefix (the reaper lists it too). */
export const REVIEW_COMMENT_KEY_PREFIX = 'review-comments/';
