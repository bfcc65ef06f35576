/**
 * Wire schemas for liaison statements: formal letters from one party of an approved work register
 * to one or more other parties, for information, for comment, for action, or in response to earlier
 * statements (docs/statements.md). The policy is policy/statement-policy.ts; the dates (deadline,
 * days left, reminder steps) are statement-dates.ts.
 *
 * Routes (every answer that is not 2xx is an ErrorBody; a statement the caller may not read answers
 * 404 exactly like a missing one; drafts are readable only by the sending organization's editors
 * and admins):
 *
 * GET    /api/v1/statements?register=&box=&owed=&state=&limit=&cursor=
 *        → 200 StatementList {items: StatementSummary[], nextCursor}. Only what the caller may read,
 *          newest first (sent ones by sentAt, drafts by updatedAt). Anonymous callers get the
 *          public sent and withdrawn statements. box=incoming: sent to an organization the caller
 *          belongs to; outgoing: from one; awaiting-approval: drafts of organizations the caller
 *          administers. owed=true: comment/action statements not yet answered, sent to the caller's
 *          organizations, soonest deadline first.
 * POST   /api/v1/statements                                 JSON CreateStatementBody
 *        → 201 Statement (state draft). 401; 403 not an editor/admin of `from`; 422
 *          unknown_register/register_not_approved/not_a_party/statement_to_self/
 *          deadline_required/deadline_not_allowed/deadline_passed/refers_to_required/
 *          unknown_statement (a refersTo the caller cannot read or of another register).
 * GET    /api/v1/statements/:id                             → 200 Statement
 * PATCH  /api/v1/statements/:id                             JSON UpdateStatementBody (draft only)
 *        → 200 Statement. 409 statement_not_draft; the same 422s as create.
 * DELETE /api/v1/statements/:id                             → 204 (a draft is discarded with its
 *          attachments; 409 statement_not_draft once sent)
 * POST   /api/v1/statements/:id/attachments                 multipart/form-data, one `file` part
 *        → 201 Statement (draft only; 409 statement_not_draft; 400/413/415 as every upload;
 *          409 too_many_attachments past STATEMENT_MAX_ATTACHMENTS)
 * DELETE /api/v1/statements/:id/attachments/:attachmentId  → 204 (draft only)
 * GET    /api/v1/statements/:id/attachments/:attachmentId/content[?inline=1]
 *        → 200/206/304 bytes, as submission files (ETag = SHA-256, audited)
 * POST   /api/v1/statements/:id/send                        → 200 Statement (admins of `from`;
 *          403 for an editor; 409 statement_not_draft; 422 deadline_passed). Sending a response
 *          marks the comment/action statements it refers to as answered.
 * POST   /api/v1/statements/:id/withdraw                    JSON WithdrawStatementBody {reason}
 *        → 200 Statement (admins of `from`; 409 statement_not_sent)
 * POST   /api/v1/statements/:id/answered                    JSON MarkStatementAnsweredBody {note?}
 *        → 200 Statement (admins of a receiving organization; 409 statement_not_owed)
 */
import { type Static, Type } from 'typebox';
import {
  ChangeOf,
  ListPage,
  ListPaging,
  PartySchema,
  PathParams,
  StoredFileFields,
  TimestampSchema,
  UuidSchema,
  WithOptional,
} from './common-schemas.js';
import { TitleSchema } from './document-schemas.js';
import {
  CONTACT_NAME_MAX_LENGTH,
  STATEMENT_BODY_MAX_LENGTH,
  STATEMENT_MAX_CONTACTS,
  STATEMENT_MAX_REFERS_TO,
  STATEMENT_NOTE_MAX_LENGTH,
  STATEMENT_REFERENCE_MAX_LENGTH,
} from './rules.js';
import {
  EMAIL_PATTERN,
  LiteralUnion,
  MultiLineText,
  SingleLineText,
  SlugSchema,
} from './text-schemas.js';

export const STATEMENT_PURPOSES = ['information', 'comment', 'action', 'response'] as const;
export type StatementPurpose = (typeof STATEMENT_PURPOSES)[number];
export const StatementPurposeSchema = LiteralUnion(STATEMENT_PURPOSES);

/** Purposes that ask the receivers for an answer by a deadline: these become "owed" once sent. */
export const ANSWER_EXPECTING_PURPOSES = ['comment', 'action'] as const;

export function expectsAnswer(purpose: StatementPurpose): boolean {
  return (ANSWER_EXPECTING_PURPOSES as readonly string[]).includes(purpose);
}

export const STATEMENT_STATES = ['draft', 'sent', 'withdrawn'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];
export const StatementStateSchema = LiteralUnion(STATEMENT_STATES);

/** `parties`: members of the sending and receiving organizations; `public`: anyone. */
export const STATEMENT_VISIBILITIES = ['parties', 'public'] as const;
export type StatementVisibility = (typeof STATEMENT_VISIBILITIES)[number];
export const StatementVisibilitySchema = LiteralUnion(STATEMENT_VISIBILITIES);

export const STATEMENT_BOXES = ['incoming', 'outgoing', 'awaiting-approval'] as const;
export type StatementBox = (typeof STATEMENT_BOXES)[number];

/** A calendar date, YYYY-MM-DD (deadlines are days, not instants). */
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const DateOnly = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });

export const StatementContactSchema = Type.Object(
  {
    name: SingleLineText({ minLength: 1, maxLength: CONTACT_NAME_MAX_LENGTH }),
    email: Type.String({ pattern: EMAIL_PATTERN, minLength: 3, maxLength: 320 }),
  },
  { additionalProperties: false, title: 'StatementContact' },
);
export type StatementContact = Static<typeof StatementContactSchema>;

const Contacts = Type.Array(StatementContactSchema, { maxItems: STATEMENT_MAX_CONTACTS });
const Reference = Type.Union([
  SingleLineText({ maxLength: STATEMENT_REFERENCE_MAX_LENGTH }),
  Type.Null(),
]);
const Body = MultiLineText({ maxLength: STATEMENT_BODY_MAX_LENGTH, description: 'Markdown' });
const RefersTo = Type.Array(UuidSchema, { maxItems: STATEMENT_MAX_REFERS_TO, uniqueItems: true });

export const StatementPermissionsSchema = Type.Object(
  {
    edit: Type.Boolean({ description: 'Change the draft, its attachments, or discard it' }),
    send: Type.Boolean(),
    withdraw: Type.Boolean(),
    markAnswered: Type.Boolean(),
    reply: Type.Boolean({ description: 'Write a response from a receiving organization' }),
  },
  {
    title: 'StatementPermissions',
    description: 'What the caller may do now (role and current state both considered)',
  },
);
export type StatementPermissions = Static<typeof StatementPermissionsSchema>;

export const StatementAttachmentSchema = Type.Object(
  {
    id: UuidSchema,
    ...StoredFileFields,
    createdAt: TimestampSchema,
  },
  { title: 'StatementAttachment' },
);
export type StatementAttachment = Static<typeof StatementAttachmentSchema>;

/** Another statement, as far as this one's thread shows it (only ones the caller may read). */
export const StatementLinkSchema = Type.Object(
  {
    id: UuidSchema,
    title: Type.String(),
    from: PartySchema,
    purpose: StatementPurposeSchema,
    state: StatementStateSchema,
    sentAt: Type.Union([TimestampSchema, Type.Null()]),
  },
  { title: 'StatementLink' },
);
export type StatementLink = Static<typeof StatementLinkSchema>;

export const StatementAnswerSchema = Type.Object(
  {
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of who marked it' }),
    organization: PartySchema,
    note: Type.Union([Type.String(), Type.Null()]),
    response: Type.Union([StatementLinkSchema, Type.Null()], {
      description: 'The response that answered it, when one did and the caller may read it',
    }),
  },
  { title: 'StatementAnswer' },
);
export type StatementAnswer = Static<typeof StatementAnswerSchema>;

export const StatementEventSchema = Type.Object(
  {
    id: Type.String(),
    what: LiteralUnion(['created', 'edited', 'sent', 'withdrawn', 'answered'] as const),
    note: Type.Union([Type.String(), Type.Null()]),
    at: TimestampSchema,
    by: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of who did it' }),
  },
  { title: 'StatementEvent' },
);
export type StatementEvent = Static<typeof StatementEventSchema>;

const summaryFields = {
  id: UuidSchema,
  register: Type.Object({ slug: Type.String(), title: Type.String() }),
  from: PartySchema,
  to: Type.Array(PartySchema, { minItems: 1 }),
  title: Type.String(),
  purpose: StatementPurposeSchema,
  deadline: Type.Union([DateOnly, Type.Null()]),
  visibility: StatementVisibilitySchema,
  state: StatementStateSchema,
  senderReference: Type.Union([Type.String(), Type.Null()]),
  receiverReference: Type.Union([Type.String(), Type.Null()]),
  /** Sent, expects an answer, not withdrawn, not answered. */
  owed: Type.Boolean({ description: 'A comment/action statement sent and not yet answered' }),
  answer: Type.Union([StatementAnswerSchema, Type.Null()]),
  sentAt: Type.Union([TimestampSchema, Type.Null()]),
  sentBy: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of who sent it' }),
  createdAt: TimestampSchema,
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'E-mail of the author' }),
  updatedAt: TimestampSchema,
  attachmentCount: Type.Integer(),
  permissions: StatementPermissionsSchema,
};

export const StatementSummarySchema = Type.Object(summaryFields, { title: 'StatementSummary' });
export type StatementSummary = Static<typeof StatementSummarySchema>;

export const StatementSchema = Type.Object(
  {
    ...summaryFields,
    body: Type.String({ description: 'Markdown' }),
    responseContacts: Type.Array(StatementContactSchema),
    technicalContacts: Type.Array(StatementContactSchema),
    refersTo: Type.Array(StatementLinkSchema, { description: 'Readable ones only' }),
    referredBy: Type.Array(StatementLinkSchema, { description: 'Sent, readable ones only' }),
    attachments: Type.Array(StatementAttachmentSchema),
    withdrawal: Type.Union([
      Type.Object({
        at: TimestampSchema,
        by: Type.Union([Type.String(), Type.Null()]),
        reason: Type.String(),
      }),
      Type.Null(),
    ]),
    history: Type.Array(StatementEventSchema, { description: 'Oldest first' }),
  },
  { title: 'Statement' },
);
export type Statement = Static<typeof StatementSchema>;

export const StatementList = ListPage(StatementSummarySchema);
export type StatementList = Static<typeof StatementList>;

export const StatementListQuery = Type.Object(
  {
    register: Type.Optional(SlugSchema),
    box: Type.Optional(LiteralUnion(STATEMENT_BOXES)),
    owed: Type.Optional(Type.Boolean()),
    state: Type.Optional(StatementStateSchema),
    ...ListPaging('^[A-Za-z0-9_-]{1,200}$'),
  },
  { additionalProperties: false },
);
export type StatementListQuery = Static<typeof StatementListQuery>;

export const StatementIdParams = PathParams({ id: UuidSchema });
export const StatementAttachmentParams = PathParams({ id: UuidSchema, attachmentId: UuidSchema });

const editableFields = {
  to: Type.Array(SlugSchema, { minItems: 1, maxItems: 50, uniqueItems: true }),
  title: TitleSchema,
  body: Body,
  purpose: StatementPurposeSchema,
  deadline: Type.Union([DateOnly, Type.Null()]),
  visibility: StatementVisibilitySchema,
  senderReference: Reference,
  receiverReference: Reference,
  responseContacts: Contacts,
  technicalContacts: Contacts,
  refersTo: RefersTo,
};

/**
 * A new draft. `from` may be left out when the caller is an editor or admin of exactly one party of
 * the register. Contacts left out default to the sending party's points of contact in the register.
 */
export const CreateStatementBody = Type.Object(
  {
    register: SlugSchema,
    from: Type.Optional(SlugSchema),
    ...WithOptional(editableFields, [
      'body',
      'deadline',
      'senderReference',
      'receiverReference',
      'responseContacts',
      'technicalContacts',
      'refersTo',
    ]),
    visibility: Type.Optional({ ...editableFields.visibility, default: 'parties' }),
  },
  { additionalProperties: false },
);
export type CreateStatementBody = Static<typeof CreateStatementBody>;

/** Only the fields given change; the register and the sender never do. */
export const UpdateStatementBody = ChangeOf(editableFields);
export type UpdateStatementBody = Static<typeof UpdateStatementBody>;

export const WithdrawStatementBody = Type.Object(
  { reason: MultiLineText({ minLength: 1, maxLength: STATEMENT_NOTE_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type WithdrawStatementBody = Static<typeof WithdrawStatementBody>;

export const MarkStatementAnsweredBody = Type.Object(
  { note: Type.Optional(MultiLineText({ maxLength: STATEMENT_NOTE_MAX_LENGTH })) },
  { additionalProperties: false },
);
export type MarkStatementAnsweredBody = Static<typeof MarkStatementAnsweredBody>;
