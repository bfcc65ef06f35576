/**
 * The review policy, checked against the permission table (fixtures/permission-table.ts) and the
 * rules of issue 13 the table does not show: a narrowing document, published logs, public reviews.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../src/policy/actor.js';
import type { DocumentSubject } from '../src/policy/document-policy.js';
import {
  allowComment,
  allowReview,
  type CommentSubject,
  commentingOrganization,
  REVIEW_ACTIONS,
  type ReviewSubject,
  reviewPermissions,
  showsCommentAuthor,
} from '../src/policy/review-policy.js';
import { reviewState } from '../src/review-schemas.js';
import { person, tableActors } from './fixtures/actors.js';
import {
  COMMENT_TABLE,
  type CommentActorKind,
  REVIEW_TABLE,
  type ReviewActorKind,
} from './fixtures/permission-table.js';

const KINDS = tableActors({
  owner: 'dmtf',
  partner: 'ofa',
  'third-party': 'snia',
}) satisfies Record<ReviewActorKind, Actor>;

const shared: DocumentSubject = {
  owner: 'dmtf',
  visibility: 'partners',
  status: 'work-in-progress',
  registerParties: ['dmtf', 'ofa'],
};
const review = (changes: Partial<ReviewSubject> = {}): ReviewSubject => ({
  document: shared,
  state: 'open',
  logPublished: false,
  versionWithdrawn: false,
  ...changes,
});
const comment = (changes: Partial<CommentSubject> = {}): CommentSubject => ({
  review: review(),
  authorId: 'author',
  organization: 'ofa',
  hasDisposition: false,
  withdrawn: false,
  ...changes,
});
const author = person('author', { ofa: 'member' });

describe('review policy: the permission table', () => {
  it.each(Object.keys(KINDS) as ReviewActorKind[])('review: %s', (kind) => {
    const allowed = REVIEW_ACTIONS.filter((action) => allowReview(KINDS[kind], action, review()));
    expect(allowed).toEqual(REVIEW_ACTIONS.filter((action) => REVIEW_TABLE[kind].includes(action)));
  });

  const commentActors: Record<CommentActorKind, Actor> = { ...KINDS, author };
  it.each(Object.keys(commentActors) as CommentActorKind[])('comment: %s', (kind) => {
    const actions = ['read', 'edit', 'withdraw', 'dispose'] as const;
    const allowed = actions.filter((action) =>
      allowComment(commentActors[kind], action, comment()),
    );
    expect(allowed).toEqual(actions.filter((action) => COMMENT_TABLE[kind].includes(action)));
  });
});

describe('review policy', () => {
  it('takes comments only while open, and lets the owner publish the log once', () => {
    const closed = review({ state: 'closed' });
    expect(reviewPermissions(KINDS['partner member'], closed).comment).toBe(false);
    expect(reviewPermissions(KINDS['owner editor'], closed)).toMatchObject({
      manage: false,
      dispose: true,
      readLog: true,
      publishLog: true,
    });
    expect(
      reviewPermissions(KINDS['owner editor'], review({ logPublished: true })).publishLog,
    ).toBe(false);
  });

  it('hides a comment from its own organization once the document is no longer shared with it', () => {
    const narrowed = comment({
      review: review({ document: { ...shared, visibility: 'organization' } }),
    });
    expect(allowComment(author, 'read', narrowed)).toBe(false);
    expect(allowComment(KINDS['partner admin'], 'read', narrowed)).toBe(false);
    expect(allowComment(KINDS['owner editor'], 'read', narrowed)).toBe(true);
    expect(allowReview(author, 'comment', narrowed.review)).toBe(false);
  });

  it('shows a published log to every reader of the document, without the person', () => {
    const published = comment({ review: review({ logPublished: true }) });
    expect(allowComment(KINDS['owner member'], 'read', published)).toBe(true);
    expect(showsCommentAuthor(KINDS['owner member'], published)).toBe(false);
    expect(showsCommentAuthor(KINDS['partner member'], published)).toBe(true);
    expect(allowComment(KINDS['third-party admin'], 'read', published)).toBe(false);
    expect(allowReview(KINDS['owner member'], 'read-log', published.review)).toBe(true);
  });

  it('lets any signed-in person comment on a public document, but never anonymously', () => {
    const open = review({ document: { ...shared, visibility: 'public', status: 'standard' } });
    expect(allowReview(KINDS['third-party member'], 'comment', open)).toBe(true);
    expect(allowReview(person('loner', {}), 'comment', open)).toBe(true);
    expect(allowReview(ANONYMOUS, 'comment', open)).toBe(false);
  });

  it('keeps a disposed or withdrawn comment as it is', () => {
    expect(allowComment(author, 'edit', comment({ hasDisposition: true }))).toBe(false);
    expect(allowComment(author, 'withdraw', comment({ withdrawn: true }))).toBe(false);
    expect(allowComment(KINDS['owner editor'], 'dispose', comment({ withdrawn: true }))).toBe(
      false,
    );
  });

  it('lets only owner members comment on a withdrawn version', () => {
    const withdrawnVersion = review({ versionWithdrawn: true });
    expect(allowReview(KINDS['owner member'], 'comment', withdrawnVersion)).toBe(true);
    expect(allowReview(KINDS['partner admin'], 'comment', withdrawnVersion)).toBe(false);
  });

  it('comments for the organization that grants the read, the owner first', () => {
    const both = person('both', { ofa: 'member', dmtf: 'member' });
    expect(commentingOrganization(both, ['dmtf', 'ofa'])).toBe('dmtf');
    expect(commentingOrganization(KINDS['partner member'], ['dmtf', 'ofa'])).toBe('ofa');
    expect(commentingOrganization(KINDS['third-party member'], ['dmtf'])).toBe('snia');
    expect(commentingOrganization(person('loner', {}), ['dmtf'])).toBeNull();
  });

  it('is open through its closing date, closed after it or once closed early', () => {
    expect(reviewState({ closesOn: '2026-12-04', closedAt: null }, '2026-12-04')).toBe('open');
    expect(reviewState({ closesOn: '2026-12-03', closedAt: null }, '2026-12-04')).toBe('closed');
    expect(reviewState({ closesOn: '2026-12-31', closedAt: new Date() }, '2026-12-04')).toBe(
      'closed',
    );
  });
});
