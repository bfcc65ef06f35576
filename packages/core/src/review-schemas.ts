/**
 * Wire schemas for reviews of work in progress: a call for comments on one version of a document,
 * the comments, their dispositions, and the resolution log (docs/reviews.md). The policy is
 * policy/review-policy.ts.
 *
 * Routes (every answer that is not 2xx is an ErrorBody; a review or comment the caller may not
 * read answers 404 exactly like a missing one):
 *
 * POST  /api/v1/documents/:id/reviews                JSON OpenReviewBody
 *       → 201 Review. Editors and admins of the owner. 409 review_already_open; 422
 *         closing_date_passed / unknown_version (not a version of this document, or withdrawn).
 * GET   /api/v1/documents/:id/reviews                → 200 ReviewList (newest first)
 * GET   /api/v1/reviews?open=true&limit=&cursor=     → 200 ReviewList: reviews the caller may
 *         comment on (open ones closing soonest first with open=true)
 * GET   /api/v1/reviews/:id                          → 200 Review
 * PATCH /api/v1/reviews/:id                          JSON UpdateReviewBody (extend, retitle)
 *       → 200 Review. 409 review_closed; 422 closing_date_passed.
 * POST  /api/v1/reviews/:id/close                    → 200 Review (early close; 409 review_closed)
 * POST  /api/v1/reviews/:id/comments                 multipart/form-data, fields first
 *       (CommentFields), then at most one `file` part
 *       → 201 ReviewComment. 409 review_closed; 422 wrong_version (not the reviewed version);
 *         400 ipr_not_accepted / 409 ipr_policy_changed when the review requires it.
 * GET   /api/v1/reviews/:id/comments?kind=&disposition=&limit=&cursor=
 *       → 200 ReviewCommentList: the comments the caller may read, oldest first
 * GET   /api/v1/comments/:id                         → 200 ReviewComment
 * PATCH /api/v1/comments/:id                         JSON UpdateCommentBody (the author, before a
 *       disposition, while the review is open) → 200. 409 comment_resolved / review_closed.
 * POST  /api/v1/comments/:id/withdraw                → 200 ReviewComment (the author, before a
 *       disposition)
 * PUT   /api/v1/comments/:id/disposition             JSON DispositionBody (owner's editors and
 *       admins) → 200 ReviewComment. 422 unknown_comment (duplicateOf not in the same review),
 *       unknown_version (resolvedIn not a version of the document), duplicate_of_required.
 * GET   /api/v1/comments/:id/attachment/content      → 200/206/304 bytes, as every file
 * GET   /api/v1/reviews/:id/log?format=json|csv&kind=&disposition=
 *       → 200 ResolutionLog (JSON) or text/csv. Owner's editors and admins; every reader of the
 *         document once published, then with organizations and no person's name.
 * POST  /api/v1/reviews/:id/log/publish              → 200 Review (owner's editors and admins)
 */
import { type Static, Type } from 'typebox';
import {
  ChangeOf,
  ListPage,
  ListPaging,
  PartySchema,
  PathParams,
  Sha256Schema,
  StoredFileFields,
  TimestampSchema,
  UuidSchema,
  WithOptional,
} from './common-schemas.js';
import { TitleSchema } from './document-schemas.js';
import {
  COMMENT_LOCATION_MAX_LENGTH,
  DISPOSITION_RESPONSE_MAX_LENGTH,
  REVIEW_COMMENT_MAX_LENGTH,
  REVIEW_NOTE_MAX_LENGTH,
} from './rules.js';
import { DATE_PATTERN } from './statement-schemas.js';
import { LiteralUnion, MultiLineText, SingleLineText } from './text-schemas.js';

const DateOnly = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const VersionRef = Type.Object({ id: UuidSchema, label: Type.String() });

export const COMMENT_KINDS = ['editorial', 'technical', 'general'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
export const CommentKindSchema = LiteralUnion(COMMENT_KINDS);

export const DISPOSITIONS = [
  'accepted',
  'accepted-with-changes',
  'rejected',
  'deferred',
  'duplicate',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DispositionSchema = LiteralUnion(DISPOSITIONS);

export const REVIEW_STATES = ['open', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ReviewPermissionsSchema = Type.Object(
  {
    comment: Type.Boolean(),
    manage: Type.Boolean({ description: 'Extend, retitle or close the review' }),
    dispose: Type.Boolean({ description: 'Give comments their dispositions' }),
    readLog: Type.Boolean(),
    publishLog: Type.Boolean(),
  },
  { title: 'ReviewPermissions', description: 'What the caller may do now' },
);
export type ReviewPermissions = Static<typeof ReviewPermissionsSchema>;

export const ReviewSchema = Type.Object(
  {
    id: UuidSchema,
    document: Type.Object({
      id: UuidSchema,
      organization: Type.String(),
      identifier: Type.String(),
      title: Type.String(),
    }),
    version: VersionRef,
    title: Type.String(),
    note: Type.String(),
    closesOn: DateOnly,
    state: LiteralUnion(REVIEW_STATES),
    closedAt: Type.Union([TimestampSchema, Type.Null()], {
      description: 'When closed early; a review past its date is closed without one',
    }),
    requiresIprAcknowledgement: Type.Boolean(),
    logPublishedAt: Type.Union([TimestampSchema, Type.Null()]),
    counts: Type.Object(
      {
        comments: Type.Integer({
          description: 'Comments the caller may read, withdrawn ones aside',
        }),
        resolved: Type.Integer(),
      },
      { description: 'Of the comments the caller may read' },
    ),
    createdAt: TimestampSchema,
    createdBy: Type.Union([Type.String(), Type.Null()]),
    permissions: ReviewPermissionsSchema,
  },
  { title: 'Review' },
);
export type Review = Static<typeof ReviewSchema>;

export const ReviewList = ListPage(ReviewSchema);
export type ReviewList = Static<typeof ReviewList>;

export const CommentDispositionSchema = Type.Object(
  {
    value: DispositionSchema,
    response: Type.String(),
    resolvedIn: Type.Union([VersionRef, Type.Null()]),
    duplicateOf: Type.Union([UuidSchema, Type.Null()]),
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'CommentDisposition' },
);
export type CommentDisposition = Static<typeof CommentDispositionSchema>;

export const ReviewCommentSchema = Type.Object(
  {
    id: UuidSchema,
    review: UuidSchema,
    /** A running number per review, for "comment 17" in meetings and in the log. */
    number: Type.Integer({ minimum: 1 }),
    version: VersionRef,
    location: Type.String(),
    kind: CommentKindSchema,
    body: Type.String(),
    proposedChange: Type.String(),
    attachment: Type.Union([Type.Object(StoredFileFields), Type.Null()]),
    author: Type.Union([Type.String(), Type.Null()], {
      description: "Author's e-mail; null in a published log",
    }),
    organization: Type.Union([PartySchema, Type.Null()], {
      description: 'The organization the comment was made for; null for a person of none',
    }),
    withdrawn: Type.Boolean(),
    disposition: Type.Union([CommentDispositionSchema, Type.Null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    permissions: Type.Object({
      edit: Type.Boolean({ description: 'Edit or withdraw (the author, before a disposition)' }),
      dispose: Type.Boolean(),
    }),
  },
  { title: 'ReviewComment' },
);
export type ReviewComment = Static<typeof ReviewCommentSchema>;

export const ReviewCommentList = ListPage(ReviewCommentSchema);
export type ReviewCommentList = Static<typeof ReviewCommentList>;

export const ResolutionLogSchema = Type.Object(
  {
    review: ReviewSchema,
    counts: Type.Object({
      total: Type.Integer(),
      resolved: Type.Integer(),
      byDisposition: Type.Record(Type.String(), Type.Integer()),
    }),
    comments: Type.Array(ReviewCommentSchema),
  },
  { title: 'ResolutionLog' },
);
export type ResolutionLog = Static<typeof ResolutionLogSchema>;

export const ReviewIdParams = PathParams({ id: UuidSchema });

export const OpenReviewBody = Type.Object(
  {
    versionId: UuidSchema,
    title: TitleSchema,
    note: Type.Optional(MultiLineText({ maxLength: REVIEW_NOTE_MAX_LENGTH })),
    closesOn: DateOnly,
    requireIprAcknowledgement: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type OpenReviewBody = Static<typeof OpenReviewBody>;

export const UpdateReviewBody = Type.Object(
  {
    title: Type.Optional(TitleSchema),
    note: Type.Optional(MultiLineText({ maxLength: REVIEW_NOTE_MAX_LENGTH })),
    closesOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReviewBody = Static<typeof UpdateReviewBody>;

const commentFields = {
  location: SingleLineText({ maxLength: COMMENT_LOCATION_MAX_LENGTH }),
  kind: CommentKindSchema,
  body: MultiLineText({ minLength: 1, maxLength: REVIEW_COMMENT_MAX_LENGTH }),
  proposedChange: MultiLineText({ maxLength: REVIEW_COMMENT_MAX_LENGTH }),
};

/** The text fields of the comment form, checked before any file is stored. */
export const CommentFields = Type.Object(
  {
    versionId: UuidSchema,
    ...WithOptional(commentFields, ['location', 'proposedChange']),
    acceptIpr: Type.Optional(Type.Literal('true')),
    iprPolicySha256: Type.Optional(Sha256Schema),
  },
  { additionalProperties: false },
);
export type CommentFields = Static<typeof CommentFields>;

export const UpdateCommentBody = ChangeOf(commentFields);
export type UpdateCommentBody = Static<typeof UpdateCommentBody>;

export const DispositionBody = Type.Object(
  {
    disposition: DispositionSchema,
    response: MultiLineText({ maxLength: DISPOSITION_RESPONSE_MAX_LENGTH }),
    resolvedInVersionId: Type.Optional(Type.Union([UuidSchema, Type.Null()])),
    duplicateOf: Type.Optional(
      Type.Union([UuidSchema, Type.Null()], {
        description: 'Required for `duplicate`: another comment of the same review',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DispositionBody = Static<typeof DispositionBody>;

export const DocumentReviewListQuery = Type.Object(
  {
    ...ListPaging('^[0-9]{1,19}$'),
  },
  { additionalProperties: false },
);
export type DocumentReviewListQuery = Static<typeof DocumentReviewListQuery>;

export const MyReviewListQuery = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'Only the open ones, closing soonest first' })),
    ...ListPaging('^([0-9]{4}-[0-9]{2}-[0-9]{2}_)?[0-9]{1,19}$'),
  },
  { additionalProperties: false },
);
export type MyReviewListQuery = Static<typeof MyReviewListQuery>;

export const ReviewCommentListQuery = Type.Object(
  {
    kind: Type.Optional(CommentKindSchema),
    disposition: Type.Optional(Type.Union([DispositionSchema, Type.Literal('none')])),
    ...ListPaging('^[0-9]{1,9}$'),
  },
  { additionalProperties: false },
);
export type ReviewCommentListQuery = Static<typeof ReviewCommentListQuery>;

export const ResolutionLogQuery = Type.Object(
  {
    format: Type.Optional(LiteralUnion(['json', 'csv'] as const)),
    kind: Type.Optional(CommentKindSchema),
    disposition: Type.Optional(Type.Union([DispositionSchema, Type.Literal('none')])),
  },
  { additionalProperties: false },
);
export type ResolutionLogQuery = Static<typeof ResolutionLogQuery>;

/** A review is open until its closing date has passed (UTC) or it was closed early. */
export function reviewState(
  review: { closesOn: string; closedAt: string | Date | null },
  today: string,
): ReviewState {
  return review.closedAt === null && review.closesOn >= today ? 'open' : 'closed';
}
