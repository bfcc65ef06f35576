/**
 * The permission policy for reviews of work in progress and their comments (docs/architecture.md,
 * "Reviews"). Pure and deny by default; every rule starts from the document policy, so a review is
 * never wider than its document, and narrowing a document narrows its review at once.
 *
 * - The owner's editors and admins open, extend, close a review, give dispositions, read the whole
 *   log and publish it.
 * - Everyone signed in who can read the reviewed version comments while the review is open.
 * - A comment is confidential: its author, the members of the author's organization, and the
 *   owner's editors and admins read it, each only while they can still read the document. Other
 *   commenters' organizations never do, until the owner publishes the log (then every reader of the
 *   document reads it, attributed to the organization, never to the person).
 * - The author edits or withdraws a comment until it has a disposition.
 */
import type { ReviewPermissions, ReviewState } from '../review-schemas.js';
import { type Actor, hasRole } from './actor.js';
import { allowDocument, type DocumentSubject } from './document-policy.js';

export interface ReviewSubject {
  document: DocumentSubject;
  state: ReviewState;
  logPublished: boolean;
  /** The reviewed version is withdrawn: only those who see withdrawn versions may still read it. */
  versionWithdrawn: boolean;
}

export interface CommentSubject {
  review: ReviewSubject;
  authorId: string | null;
  /** The organization the author commented for; null for a person of no organization. */
  organization: string | null;
  hasDisposition: boolean;
  withdrawn: boolean;
}

export const REVIEW_ACTIONS = [
  'read',
  'open',
  'comment',
  'manage',
  'dispose',
  'read-log',
  'publish-log',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

function readsVersion(actor: Actor, review: ReviewSubject): boolean {
  return allowDocument(
    actor,
    review.versionWithdrawn ? 'see-withdrawn-versions' : 'read',
    review.document,
  );
}

function isOwnerWriter(actor: Actor, document: DocumentSubject): boolean {
  return allowDocument(actor, 'edit', document);
}

/** Who may do `action` on a review, as roles and the document's audience go (state aside). */
export function allowReview(actor: Actor, action: ReviewAction, review: ReviewSubject): boolean {
  switch (action) {
    case 'read':
      return allowDocument(actor, 'read', review.document);
    case 'comment':
      return actor.userId !== null && readsVersion(actor, review);
    case 'open':
    case 'manage':
    case 'dispose':
    case 'publish-log':
      return isOwnerWriter(actor, review.document);
    case 'read-log':
      return (
        isOwnerWriter(actor, review.document) ||
        (review.logPublished && allowDocument(actor, 'read', review.document))
      );
    default:
      return false;
  }
}

/** Opening a review on a document: its owner's editors and admins. */
export function canOpenReview(actor: Actor, document: DocumentSubject): boolean {
  return isOwnerWriter(actor, document);
}

/**
 * The organization a comment is made for: the first organization of the actor whose membership
 * lets them read the document (the owner first); for a public document, the first of the actor's
 * organizations by slug; null for a person of no organization (they comment for themselves).
 */
export function commentingOrganization(
  actor: Actor,
  organizationsGrantingRead: readonly string[],
): string | null {
  return (
    organizationsGrantingRead.find((organization) => hasRole(actor, organization, 'member')) ??
    [...actor.roles.keys()].sort()[0] ??
    null
  );
}

function isOfOrganization(actor: Actor, organization: string | null): boolean {
  return organization !== null && hasRole(actor, organization, 'member');
}

export type CommentAction = 'read' | 'edit' | 'withdraw' | 'dispose';

export function allowComment(
  actor: Actor,
  action: CommentAction,
  comment: CommentSubject,
): boolean {
  const document = comment.review.document;
  if (!allowDocument(actor, 'read', document)) return false;
  const isAuthor = actor.userId !== null && actor.userId === comment.authorId;
  switch (action) {
    case 'read':
      return (
        isAuthor ||
        isOfOrganization(actor, comment.organization) ||
        isOwnerWriter(actor, document) ||
        comment.review.logPublished
      );
    case 'edit':
    case 'withdraw':
      return isAuthor && !comment.hasDisposition && !comment.withdrawn;
    case 'dispose':
      return isOwnerWriter(actor, document) && !comment.withdrawn;
    default:
      return false;
  }
}

/**
 * Whether the caller sees who wrote a comment: the author's organization and the owner's writers do;
 * readers of a published log see the organization only.
 */
export function showsCommentAuthor(actor: Actor, comment: CommentSubject): boolean {
  return (
    (actor.userId !== null && actor.userId === comment.authorId) ||
    isOfOrganization(actor, comment.organization) ||
    isOwnerWriter(actor, comment.review.document)
  );
}

/** What the caller may do with the review now, role and state together. */
export function reviewPermissions(actor: Actor, review: ReviewSubject): ReviewPermissions {
  const can = (action: ReviewAction) => allowReview(actor, action, review);
  const open = review.state === 'open';
  return {
    comment: open && can('comment'),
    manage: open && can('manage'),
    dispose: can('dispose'),
    readLog: can('read-log'),
    publishLog: can('publish-log') && !review.logPublished,
  };
}
