/** Wire schemas for documents, versions, tokens and audit events (see schemas.ts for the idea). */
import { type Static, Type } from 'typebox';
import { AUDIT_ACTION_NAMES, type AuditAction } from './audit-actions.js';
import {
  ChangeOf,
  ListPage,
  ListPaging,
  PartySchema,
  PathParams,
  RoleSchema,
  TimestampSchema,
  UuidSchema,
} from './common-schemas.js';
import {
  ABSTRACT_MAX_LENGTH,
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  API_TOKEN_NAME_MAX_LENGTH,
  AUDIT_FILTER_MAX_LENGTH,
  CHANGE_NOTE_MAX_LENGTH,
  DOCUMENT_IDENTIFIER_MAX_LENGTH,
  DOCUMENT_IDENTIFIER_PATTERN,
  DOCUMENT_STATUSES,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  SEARCH_QUERY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  VERSION_LABEL_MAX_LENGTH,
  VERSION_LABEL_PATTERN,
  VISIBILITIES,
  WITHDRAWAL_REASON_MAX_LENGTH,
} from './rules.js';
import { LiteralUnion, MultiLineText, SingleLineText, SlugSchema } from './text-schemas.js';

export const DocumentStatusSchema = LiteralUnion(DOCUMENT_STATUSES);
export const VisibilitySchema = LiteralUnion(VISIBILITIES);

export const IdentifierSchema = Type.String({
  pattern: DOCUMENT_IDENTIFIER_PATTERN,
  maxLength: DOCUMENT_IDENTIFIER_MAX_LENGTH,
  description: 'Unique per owner organization, e.g. DSP0266',
});
export const TitleSchema = SingleLineText({ minLength: 1, maxLength: TITLE_MAX_LENGTH });
export const AbstractSchema = MultiLineText({ maxLength: ABSTRACT_MAX_LENGTH });
export const VersionLabelSchema = Type.String({
  pattern: VERSION_LABEL_PATTERN,
  maxLength: VERSION_LABEL_MAX_LENGTH,
  description: 'e.g. 1.2.0 or 0.9a',
});

export const ChangeNoteSchema = MultiLineText({
  maxLength: CHANGE_NOTE_MAX_LENGTH,
  description: `What changed in this version (at most ${CHANGE_NOTE_MAX_LENGTH} characters); empty for none`,
});

/** A change note as stored: line breaks as LF (browsers send a form's text with CRLF). */
export function normalizeChangeNote(note: string): string {
  return note.replace(/\r\n/g, '\n');
}

/** The text fields of the version upload form, sent before its one file. */
export const VersionFormFields = Type.Object(
  { label: VersionLabelSchema, changeNote: Type.Optional(ChangeNoteSchema) },
  { additionalProperties: false },
);
export type VersionFormFields = Static<typeof VersionFormFields>;

export const DocumentPermissionsSchema = Type.Object({
  edit: Type.Boolean(),
  release: Type.Boolean(),
  upload: Type.Boolean(),
  delete: Type.Boolean(),
  withdraw: Type.Boolean(),
  seeDownloads: Type.Boolean({
    description: 'May list who downloaded it (GET /api/v1/documents/{id}/downloads)',
  }),
});

/** Whether the version's text could be read, for search and compare. */
export const VersionTextStateSchema = Type.Object(
  {
    status: Type.Union(
      [
        Type.Literal('pending'),
        Type.Literal('extracted'),
        Type.Literal('failed'),
        Type.Literal('unsupported'),
      ],
      {
        description:
          'pending: not read yet; extracted: searchable; failed: the file could not be read; unsupported: a type without text',
      },
    ),
    failure: Type.Union([Type.String(), Type.Null()], {
      description: 'Why there is no text (failed, unsupported), e.g. "encrypted PDF"',
    }),
  },
  { title: 'VersionTextState' },
);
export type VersionTextState = Static<typeof VersionTextStateSchema>;

export const DocumentVersionSchema = Type.Object(
  {
    id: UuidSchema,
    label: Type.String(),
    changeNote: Type.String({ description: "What changed, as the uploader wrote it; '' for none" }),
    filename: Type.String(),
    size: Type.Integer(),
    mediaType: Type.String(),
    sha256: Type.String(),
    createdAt: TimestampSchema,
    createdBy: Type.Union([Type.String(), Type.Null()], {
      description:
        "Who uploaded it: the e-mail address for the owner's members, the name for other signed-in readers, null for the public",
    }),
    withdrawn: Type.Union([
      Type.Null(),
      Type.Object({
        at: TimestampSchema,
        reason: Type.String(),
        by: Type.Union([Type.String(), Type.Null()], { description: 'As createdBy' }),
      }),
    ]),
    watermarked: Type.Boolean({
      description:
        "Whether the caller's download and preview of this file are stamped with their name, organization, e-mail, the date and a download id",
    }),
    text: VersionTextStateSchema,
  },
  { title: 'DocumentVersion' },
);
export type DocumentVersion = Static<typeof DocumentVersionSchema>;

const documentFields = {
  id: UuidSchema,
  organization: Type.String({ description: 'Owner organization slug' }),
  identifier: Type.String(),
  title: Type.String(),
  abstract: Type.String(),
  status: DocumentStatusSchema,
  visibility: VisibilitySchema,
  watermark: Type.Boolean({
    description:
      'PDFs are stamped for every reader outside the owner organization while the document is not public',
  }),
  registers: Type.Array(Type.String(), {
    description: 'Slugs of the registers it is shared under',
  }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  releasedAt: Type.Union([TimestampSchema, Type.Null()], {
    description:
      'When it last became released (public, informational or standard); null while it is not',
  }),
  permissions: DocumentPermissionsSchema,
};

/** Words around a search match; the matched words are the highlighted parts. */
export const SnippetSchema = Type.Array(
  Type.Object({ text: Type.String(), highlighted: Type.Boolean() }),
  { description: 'Plain text in order; show highlighted parts marked (e.g. <mark>)' },
);
export type Snippet = Static<typeof SnippetSchema>;

/** Where a search was found in a document's files. */
export const TextMatchSchema = Type.Object(
  {
    versionId: UuidSchema,
    versionLabel: Type.String(),
    page: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'The PDF page; null for files without pages',
    }),
    snippet: SnippetSchema,
  },
  { title: 'TextMatch' },
);
export type TextMatch = Static<typeof TextMatchSchema>;

export const DocumentSummarySchema = Type.Object(
  {
    ...documentFields,
    latestVersion: Type.Union([
      Type.Null(),
      Type.Object({
        id: UuidSchema,
        label: Type.String(),
        changeNote: Type.String(),
        filename: Type.String(),
        createdAt: TimestampSchema,
      }),
    ]),
    textMatch: Type.Optional(
      Type.Union([TextMatchSchema, Type.Null()], {
        description:
          'With q: where the words were found in the text of a version the caller can read (newest first), or null when only the metadata matches',
      }),
    ),
  },
  { title: 'DocumentSummary' },
);
export type DocumentSummary = Static<typeof DocumentSummarySchema>;

/** Where a document made from a submission came from. */
export const DocumentProvenanceSchema = Type.Object(
  {
    from: Type.Object(
      { slug: Type.String(), name: Type.String() },
      { description: 'The submitting organization' },
    ),
    submission: Type.Union(
      [Type.Object({ id: UuidSchema, reference: Type.String() }), Type.Null()],
      {
        description:
          'The submission (its reference, e.g. OFA-DMTF-2026-003); null for callers who may not read it',
      },
    ),
    ipr: Type.Object(
      {
        organization: Type.String({ description: 'Whose IPR policy was acknowledged (slug)' }),
        policySha256: Type.String({ description: 'SHA-256 of the policy text acknowledged' }),
        at: TimestampSchema,
        by: Type.Union([Type.String(), Type.Null()], {
          description:
            "Who acknowledged it: the e-mail address for the owner's members, the name for other signed-in readers, null for the public",
        }),
      },
      { description: 'The acknowledgement of the receiving organization’s IPR policy' },
    ),
  },
  { title: 'DocumentProvenance' },
);
export type DocumentProvenance = Static<typeof DocumentProvenanceSchema>;

export const DocumentSchema = Type.Object(
  {
    ...documentFields,
    versions: Type.Array(DocumentVersionSchema, { description: 'Newest first' }),
    provenance: Type.Union([DocumentProvenanceSchema, Type.Null()], {
      description: 'Set for a document made from a submission',
    }),
  },
  { title: 'Document' },
);
export type Document = Static<typeof DocumentSchema>;

export const DocumentList = Type.Object({
  items: Type.Array(DocumentSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  restrictedDocumentsExist: Type.Optional(
    Type.Boolean({
      description:
        'Only for a caller who is not signed in: whether any document is not public (members of alliance organizations see more after signing in). No count, nothing about which',
    }),
  ),
});
export type DocumentList = Static<typeof DocumentList>;

export const CreateDocumentBody = Type.Object(
  {
    organization: SlugSchema,
    identifier: IdentifierSchema,
    title: TitleSchema,
    abstract: Type.Optional(AbstractSchema),
    status: DocumentStatusSchema,
    visibility: VisibilitySchema,
    watermark: Type.Optional(
      Type.Boolean({
        description:
          'Stamp PDFs for readers outside the owner organization (default: on unless public)',
      }),
    ),
    registers: Type.Optional(Type.Array(SlugSchema, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateDocumentBody = Static<typeof CreateDocumentBody>;

export const UpdateDocumentBody = ChangeOf({
  title: TitleSchema,
  abstract: AbstractSchema,
  status: DocumentStatusSchema,
  visibility: VisibilitySchema,
  watermark: Type.Boolean(),
  registers: Type.Array(SlugSchema, { maxItems: 50, uniqueItems: true }),
});
export type UpdateDocumentBody = Static<typeof UpdateDocumentBody>;

export const DocumentListQuery = Type.Object(
  {
    q: Type.Optional(
      SingleLineText({
        maxLength: SEARCH_QUERY_MAX_LENGTH,
        description:
          'Words in the metadata or the files\' text: "a phrase", prefix*, -excluded, either or other. Ranked: identifier and title, abstract, then text',
      }),
    ),
    organization: Type.Optional(SlugSchema),
    status: Type.Optional(DocumentStatusSchema),
    visibility: Type.Optional(VisibilitySchema),
    register: Type.Optional(SlugSchema),
    released: Type.Optional(
      Type.Boolean({
        description:
          'true: only released documents (public, informational or standard) with a version that is not withdrawn; false: only the others',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        [
          Type.Literal('created'),
          Type.Literal('released'),
          Type.Literal('identifier'),
          Type.Literal('title'),
        ],
        {
          default: 'created',
          description:
            'created: newest first (ranked first with q). released: released documents with a version only, newest release first (with released=false, nothing). identifier, title: A to Z ignoring case, ties by id',
        },
      ),
    ),
    ...ListPaging('^[A-Za-z0-9_-]{1,2048}$'),
  },
  { additionalProperties: false },
);
export type DocumentListQuery = Static<typeof DocumentListQuery>;

export const DocumentIdParams = PathParams({ id: UuidSchema });
export const VersionParams = PathParams({ id: UuidSchema, versionId: UuidSchema });

export const WithdrawVersionBody = Type.Object(
  { reason: MultiLineText({ minLength: 1, maxLength: WITHDRAWAL_REASON_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const MembershipSchema = Type.Object({
  organization: Type.String(),
  role: RoleSchema,
});

export const UserSchema = Type.Object(
  {
    id: UuidSchema,
    email: Type.String(),
    name: Type.String(),
    memberships: Type.Array(MembershipSchema),
    operator: Type.Boolean(),
  },
  { title: 'User' },
);

export const TokenRequestBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: EMAIL_MAX_LENGTH }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const TokenResponse = Type.Object({
  accessToken: Type.String(),
  expiresAt: TimestampSchema,
  user: UserSchema,
});

export const ApiTokenSchema = Type.Object(
  {
    id: UuidSchema,
    name: Type.String(),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
    lastUsedAt: Type.Union([TimestampSchema, Type.Null()]),
  },
  { title: 'ApiToken' },
);

export const CreateApiTokenBody = Type.Object(
  {
    name: SingleLineText({ minLength: 1, maxLength: API_TOKEN_NAME_MAX_LENGTH }),
    expiresInDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: API_TOKEN_MAX_DAYS, default: API_TOKEN_DEFAULT_DAYS }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedApiToken = Type.Object({
  ...ApiTokenSchema.properties,
  token: Type.String({ description: 'The secret; shown this once, never again' }),
});

export const ApiTokenList = Type.Object({ items: Type.Array(ApiTokenSchema) });

export const AuditEventSchema = Type.Object(
  {
    id: Type.String(),
    occurredAt: TimestampSchema,
    actor: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    objectType: Type.String(),
    objectId: Type.Union([Type.String(), Type.Null()]),
    objectName: Type.Union([Type.String(), Type.Null()], {
      description:
        "The object's name (a document's identifier and title, a submission's reference and " +
        "title, a person's address), only where the caller may see that object; else null",
    }),
    organization: Type.Union([Type.String(), Type.Null()], {
      description: 'The organization whose object the event is about',
    }),
    onBehalfOf: Type.Union([Type.String(), Type.Null()], {
      description:
        'The organization the actor acted for; null for sign-ins, personal API tokens and the ' +
        "operator's own work",
    }),
    address: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditListQuery = Type.Object(
  {
    action: Type.Optional(
      // Unsafe only for the static type: a union built from a list types as never otherwise.
      Type.Unsafe<AuditAction>(
        Type.Union(
          AUDIT_ACTION_NAMES.map((action) => Type.Literal(action)),
          { description: 'One of the actions the audit log records' },
        ),
      ),
    ),
    organization: Type.Optional(SlugSchema),
    actor: Type.Optional(SingleLineText({ maxLength: EMAIL_MAX_LENGTH })),
    objectId: Type.Optional(SingleLineText({ maxLength: AUDIT_FILTER_MAX_LENGTH })),
    since: Type.Optional(TimestampSchema),
    until: Type.Optional(TimestampSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

export const AuditList = ListPage(AuditEventSchema);

/** GET /api/v1/documents/:id/downloads: who downloaded the document's versions (see-downloads). */
export const DocumentDownloadsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
  },
  { additionalProperties: false },
);
export type DocumentDownloadsQuery = Static<typeof DocumentDownloadsQuery>;

export const DocumentDownloadSchema = Type.Object(
  {
    id: Type.String({ description: "The audit event's id" }),
    at: TimestampSchema,
    reader: Type.Object({
      name: Type.Union([Type.String(), Type.Null()], {
        description: 'Null when the account no longer exists',
      }),
      email: Type.Union([Type.String(), Type.Null()]),
    }),
    organization: Type.Union([PartySchema, Type.Null()], {
      description: "The organization the reader read it for; null for the operator's own reads",
    }),
    version: Type.Object({ id: Type.String(), label: Type.String() }),
    watermarked: Type.Boolean({ description: 'Whether the reader was sent a stamped copy' }),
    downloadId: Type.Union([Type.String(), Type.Null()], {
      description: 'The download id stamped on the copy, when watermarked',
    }),
  },
  { title: 'DocumentDownload' },
);
export type DocumentDownload = Static<typeof DocumentDownloadSchema>;

export const DocumentDownloadList = ListPage(DocumentDownloadSchema, {
  description: 'Newest first',
});
export type DocumentDownloadList = Static<typeof DocumentDownloadList>;
