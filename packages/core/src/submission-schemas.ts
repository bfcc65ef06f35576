/**
 * Wire schemas for submissions: one party of a work register contributing intellectual property
 * to another, with an acknowledgement of the receiver's IPR policy (see schemas.ts for the idea).
 *
 * Routes (every answer that is not 2xx is an ErrorBody; a submission the caller may not read
 * answers 404 exactly like a missing one; an anonymous caller gets 401 on every route below
 * except the IPR policy):
 *
 * GET  /api/v1/organizations/:slug/ipr-policy
 *      → 200 IprPolicy {organization, text, sha256}. Public (anyone may read the policy text).
 * POST /api/v1/submissions                          multipart/form-data, fields FIRST, then files:
 *      register          slug of the work register (approved registers only)
 *      to                slug of the receiving organization (another party of that register)
 *      from              optional: the submitting organization; needed only when the caller is an
 *                        editor or admin of more than one other party of the register
 *      title             1-300 characters
 *      description       optional, up to 20000 characters
 *      acceptIpr         must be the string "true": the explicit acknowledgement
 *      iprPolicySha256   sha256 (64 lowercase hex) of the exact policy text that was shown
 *      file              one or more file parts (each streamed; SHA-256 computed on the way)
 *      → 201 Submission. 400 invalid_input/unknown_field/invalid_form/ipr_not_accepted/
 *        file_missing/invalid_filename/malformed_multipart/incomplete_upload; 401; 403 (not an
 *        editor/admin of a party); 409 ipr_policy_changed; 413; 415; 422 unknown_register/
 *        unknown_organization/not_a_party/submit_to_self/register_not_approved/no_ipr_policy.
 * GET  /api/v1/submissions?box=outgoing|incoming&state=&limit=&cursor=
 *      → 200 SubmissionList {items: SubmissionSummary[], nextCursor}. Only what the caller may
 *        read, newest first. box=outgoing: from the caller's side (the caller's own, and those
 *        of organizations the caller administers); incoming: to organizations the caller
 *        administers; omitted: both.
 * GET  /api/v1/submissions/:id
 *      → 200 Submission (files, history, comments, permissions).
 * GET  /api/v1/submissions/:id/files/:fileId/content[?inline=1]
 *      → 200/206/304 bytes (Range, If-None-Match, ETag = SHA-256, Content-Disposition, nosniff,
 *        CSP sandbox; PDFs only may be inline). Every read is audited.
 * POST /api/v1/submissions/:id/transitions          JSON SubmissionTransitionBody {to, reason}
 *      → 200 Submission. reason required for accepted/declined. 403 not allowed to the caller,
 *        409 illegal_transition (e.g. accepting a submission not under review, anything after a
 *        decision or a withdrawal).
 * POST /api/v1/submissions/:id/comments             JSON SubmissionCommentBody {body}
 *      → 201 Submission. 409 submission_closed once withdrawn.
 * POST /api/v1/submissions/:id/document             JSON CreateDocumentFromSubmissionBody
 *      {fileId, identifier, title?, abstract?, status?, versionLabel?}: a new document of the
 *      receiving organization (visibility organization, shared under no register; title defaults
 *      to the submission's, status to work-in-progress, versionLabel to "1") whose first version
 *      is a copy of that file.
 *      → 201 Submission (with `document` set). 409 not_accepted / already_linked /
 *        duplicate_identifier.
 * POST /api/v1/submissions/:id/document-link        JSON LinkSubmissionDocumentBody {document}
 *      links an existing document of the receiving organization.
 *      → 200 Submission (with `document` set). 409 not_accepted / already_linked; 422
 *        document_not_of_receiver.
 */
import { type Static, Type } from 'typebox';
import {
  ListPage,
  ListPaging,
  PartySchema,
  PathParams,
  Sha256Schema,
  StoredFileFields,
  TimestampSchema,
  UuidSchema,
} from './common-schemas.js';
import {
  AbstractSchema,
  DocumentStatusSchema,
  IdentifierSchema,
  TitleSchema,
} from './document-schemas.js';
import {
  DECISION_REASON_MAX_LENGTH,
  SUBMISSION_COMMENT_MAX_LENGTH,
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  VERSION_LABEL_PATTERN,
} from './rules.js';
import { MultiLineText, SlugSchema } from './text-schemas.js';

export const SUBMISSION_STATES = [
  'submitted',
  'under-review',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SubmissionStateSchema = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('under-review'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);

/** The target states a transition may ask for (`submitted` is where every submission starts). */
export const SubmissionTransitionTargetSchema = Type.Union([
  Type.Literal('under-review'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);

export const SubmissionTitleSchema = TitleSchema;
export const SubmissionDescriptionSchema = MultiLineText({
  maxLength: SUBMISSION_DESCRIPTION_MAX_LENGTH,
});

export const IprPolicySchema = Type.Object(
  {
    organization: Type.String({ description: 'Organization slug' }),
    text: Type.String({ description: 'The policy text, exactly as it must be shown' }),
    sha256: Sha256Schema,
    url: Type.Union([Type.String(), Type.Null()], {
      description: 'Where the organization publishes its official policy (https), or null',
    }),
  },
  { title: 'IprPolicy' },
);
export type IprPolicy = Static<typeof IprPolicySchema>;

export const SubmissionPermissionsSchema = Type.Object(
  {
    comment: Type.Boolean(),
    startReview: Type.Boolean(),
    accept: Type.Boolean(),
    decline: Type.Boolean(),
    withdraw: Type.Boolean(),
    adopt: Type.Boolean({
      description: 'Create a document from a file of, or link a document to, this submission',
    }),
    addFiles: Type.Boolean({
      description: 'Add files (upload or attach a document version) before a decision',
    }),
  },
  {
    title: 'SubmissionPermissions',
    description: 'What the caller may do now (role and current state both considered)',
  },
);
export type SubmissionPermissions = Static<typeof SubmissionPermissionsSchema>;

export const SubmissionFileSchema = Type.Object(
  {
    id: UuidSchema,
    ...StoredFileFields,
    createdAt: TimestampSchema,
    copiedFrom: Type.Union(
      [Type.Object({ documentId: UuidSchema, versionId: UuidSchema }), Type.Null()],
      {
        description:
          'The Liaison document version this file is a copy of, or null for an uploaded file',
      },
    ),
  },
  { title: 'SubmissionFile' },
);
export type SubmissionFile = Static<typeof SubmissionFileSchema>;

export const SubmissionEventSchema = Type.Object(
  {
    id: Type.String(),
    from: Type.Union([SubmissionStateSchema, Type.Null()], {
      description: 'Null for the creation',
    }),
    to: SubmissionStateSchema,
    reason: Type.Union([Type.String(), Type.Null()]),
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of who did it' }),
  },
  { title: 'SubmissionEvent' },
);
export type SubmissionEvent = Static<typeof SubmissionEventSchema>;

export const SubmissionCommentSchema = Type.Object(
  {
    id: Type.String(),
    body: Type.String(),
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of the author' }),
    side: Type.Union([Type.Literal('submitting'), Type.Literal('receiving')]),
  },
  { title: 'SubmissionComment' },
);
export type SubmissionComment = Static<typeof SubmissionCommentSchema>;

export const IprAcknowledgementSchema = Type.Object(
  {
    by: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of who acknowledged' }),
    at: TimestampSchema,
    policySha256: Sha256Schema,
  },
  { title: 'IprAcknowledgement' },
);

export const SubmissionDocumentLinkSchema = Type.Object(
  {
    id: UuidSchema,
    organization: Type.String(),
    identifier: Type.String(),
    title: Type.String(),
    how: Type.Union([Type.Literal('created'), Type.Literal('linked')]),
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'SubmissionDocumentLink' },
);

const summaryFields = {
  id: UuidSchema,
  reference: Type.String({
    description:
      "Sender, receiver, year and number among the pair's submissions that year, e.g. OFA-DMTF-2026-003",
  }),
  register: Type.Object({ slug: Type.String(), title: Type.String() }),
  from: PartySchema,
  to: PartySchema,
  title: Type.String(),
  state: SubmissionStateSchema,
  submittedBy: Type.Union([Type.String(), Type.Null()], { description: 'Submitter e-mail' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  permissions: SubmissionPermissionsSchema,
};

export const SubmissionSummarySchema = Type.Object(
  { ...summaryFields, fileCount: Type.Integer() },
  { title: 'SubmissionSummary' },
);
export type SubmissionSummary = Static<typeof SubmissionSummarySchema>;

export const SubmissionSchema = Type.Object(
  {
    ...summaryFields,
    description: Type.String(),
    ipr: IprAcknowledgementSchema,
    files: Type.Array(SubmissionFileSchema),
    history: Type.Array(SubmissionEventSchema, { description: 'Oldest first, creation included' }),
    comments: Type.Array(SubmissionCommentSchema, { description: 'Oldest first' }),
    document: Type.Union([SubmissionDocumentLinkSchema, Type.Null()]),
  },
  { title: 'Submission' },
);
export type Submission = Static<typeof SubmissionSchema>;

export const SubmissionList = ListPage(SubmissionSummarySchema);
export type SubmissionList = Static<typeof SubmissionList>;

export const SubmissionBoxSchema = Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')]);
export type SubmissionBox = Static<typeof SubmissionBoxSchema>;

export const SubmissionListQuery = Type.Object(
  {
    box: Type.Optional(SubmissionBoxSchema),
    state: Type.Optional(SubmissionStateSchema),
    ...ListPaging('^[0-9]{1,19}$'),
  },
  { additionalProperties: false },
);
export type SubmissionListQuery = Static<typeof SubmissionListQuery>;

export const SubmissionIdParams = PathParams({ id: UuidSchema });
export const SubmissionFileParams = PathParams({ id: UuidSchema, fileId: UuidSchema });

export const SubmissionTransitionBody = Type.Object(
  {
    to: SubmissionTransitionTargetSchema,
    reason: Type.Optional(
      MultiLineText({
        minLength: 1,
        maxLength: DECISION_REASON_MAX_LENGTH,
        description: 'Required to accept or decline',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SubmissionTransitionBody = Static<typeof SubmissionTransitionBody>;

export const SubmissionCommentBody = Type.Object(
  { body: MultiLineText({ minLength: 1, maxLength: SUBMISSION_COMMENT_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type SubmissionCommentBody = Static<typeof SubmissionCommentBody>;

export const CreateDocumentFromSubmissionBody = Type.Object(
  {
    fileId: UuidSchema,
    identifier: IdentifierSchema,
    title: Type.Optional(TitleSchema),
    abstract: Type.Optional(AbstractSchema),
    status: Type.Optional(DocumentStatusSchema),
    versionLabel: Type.Optional(Type.String({ pattern: VERSION_LABEL_PATTERN, default: '1' })),
  },
  { additionalProperties: false },
);
export type CreateDocumentFromSubmissionBody = Static<typeof CreateDocumentFromSubmissionBody>;

export const LinkSubmissionDocumentBody = Type.Object(
  { document: UuidSchema },
  { additionalProperties: false },
);
export type LinkSubmissionDocumentBody = Static<typeof LinkSubmissionDocumentBody>;

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * Document versions to copy into a submission: `<documentId>@<versionId>`, several separated by
 * spaces or commas.
 */
export const AttachedVersionsSchema = Type.String({
  pattern: `^${UUID_PATTERN}@${UUID_PATTERN}(?:[ ,]+${UUID_PATTERN}@${UUID_PATTERN})*$`,
  maxLength: SUBMISSION_MAX_FILES * 80,
  description:
    'Liaison document versions to copy in as files: <documentId>@<versionId>, separated by spaces or commas',
});

/** The document versions an `attach` field names, each once, in order. */
export function parseAttachedVersions(value: string): { documentId: string; versionId: string }[] {
  const seen = new Set<string>();
  const versions: { documentId: string; versionId: string }[] = [];
  for (const item of value.toLowerCase().split(/[ ,]+/)) {
    if (item === '' || seen.has(item)) continue;
    seen.add(item);
    const [documentId, versionId] = item.split('@') as [string, string];
    versions.push({ documentId, versionId });
  }
  return versions;
}

/**
 * The text fields of the create form, checked in this order before any file is stored: the IPR
 * acknowledgement first, since without it nothing else matters.
 */
export const CreateSubmissionFields = Type.Object(
  {
    acceptIpr: Type.Literal('true'),
    iprPolicySha256: Sha256Schema,
    register: SlugSchema,
    to: SlugSchema,
    from: Type.Optional(SlugSchema),
    title: SubmissionTitleSchema,
    description: Type.Optional(SubmissionDescriptionSchema),
    attach: Type.Optional(AttachedVersionsSchema),
  },
  { additionalProperties: false },
);
export type CreateSubmissionFields = Static<typeof CreateSubmissionFields>;

/** The text field of the form that adds files to an open submission (before its files). */
export const AddSubmissionFilesFields = Type.Object(
  { attach: Type.Optional(AttachedVersionsSchema) },
  { additionalProperties: false },
);
export type AddSubmissionFilesFields = Static<typeof AddSubmissionFilesFields>;
