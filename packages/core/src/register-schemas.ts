/**
 * The whole work register as data (docs/architecture.md, "Domain"): its wire schemas for the
 * register page, the edits the parties make, and the structured file a register is exported to and
 * imported from. One source for validation, serialization, OpenAPI, the published JSON Schema and
 * the TS types.
 *
 * API routes (apps/api/src/routes/register-*.ts):
 *   GET    /api/v1/registers/:slug                              the register page (RegisterPageSchema)
 *   GET    /api/v1/registers/:slug/export                       the register file (WorkRegisterFileSchema), as an attachment
 *   GET    /api/v1/schemas/work-register.json                   the published JSON Schema of that file
 *   POST   /api/v1/registers/:slug/milestones                   MilestoneInput → 201 RegisterMilestone
 *   PATCH  /api/v1/registers/:slug/milestones/:id               MilestoneChange → RegisterMilestone
 *   DELETE /api/v1/registers/:slug/milestones/:id               → 204
 *   POST   /api/v1/registers/:slug/commitments                  CommitmentInput → 201 RegisterCommitment
 *   PATCH  /api/v1/registers/:slug/commitments/:id              CommitmentChange → RegisterCommitment
 *   DELETE /api/v1/registers/:slug/commitments/:id              → 204
 *   POST   /api/v1/registers/:slug/contacts                     ContactInput → 201 RegisterContact
 *   PATCH  /api/v1/registers/:slug/contacts/:id                 ContactChange → RegisterContact
 *   DELETE /api/v1/registers/:slug/contacts/:id                 → 204
 *   PUT    /api/v1/registers/:slug/approvals/:organization      ApprovalInput → RegisterApproval (the caller's own organization)
 *   DELETE /api/v1/registers/:slug/approvals/:organization      → RegisterApproval, back to pending
 *   GET    /api/v1/registers/:slug/history                      RegisterHistory (members of the parties, the operator)
 * Edits: milestones, admins of any party; contacts, commitments and approvals, admins of that
 * party only; see policy/register-policy.ts.
 */
import { type Static, Type } from 'typebox';
import {
  ChangeOf,
  DaySchema,
  EmailSchema,
  PathParams,
  RegisterStateSchema,
  TimestampSchema,
  UuidSchema,
  WithOptional,
} from './common-schemas.js';
import { DocumentList, IdentifierSchema } from './document-schemas.js';
import {
  APPROVAL_BODY_MAX_LENGTH,
  CONTACT_ROLE_MAX_LENGTH,
  MILESTONE_DELIVERABLE_MAX_LENGTH,
  REGISTER_MAX_PARTIES,
  REGISTER_SUMMARY_MAX_LENGTH,
  REGISTER_TEXT_MAX_LENGTH,
  REGISTER_VERSION_MAX_LENGTH,
  TIMEFRAME_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './rules.js';
import { MultiLineText, SingleLineText, SlugSchema } from './text-schemas.js';

const Open = Type.Boolean({
  description:
    'The register leaves this item open (its text says "?" or holds a placeholder): shown as an ' +
    'open item, never filled with made-up data',
});
const ItemText = MultiLineText({ maxLength: REGISTER_TEXT_MAX_LENGTH });
const JointOrParty = Type.Union([SlugSchema, Type.Null()], {
  description: 'Organization slug of the party the item is about; null: both (joint)',
});

// The register's own fields, as its file and the operator's create and update bodies take them.
export const RegisterTitleSchema = SingleLineText({ minLength: 1, maxLength: TITLE_MAX_LENGTH });
export const RegisterVersionSchema = SingleLineText({
  maxLength: REGISTER_VERSION_MAX_LENGTH,
  description: 'e.g. 1.0b',
});
export const RegisterSummarySchema = MultiLineText({ maxLength: REGISTER_SUMMARY_MAX_LENGTH });
export const PartyDescriptionSchema = MultiLineText({ maxLength: REGISTER_TEXT_MAX_LENGTH });
export const ReviewDueAsWrittenSchema = SingleLineText({
  maxLength: TIMEFRAME_MAX_LENGTH,
  description: 'e.g. "March 2020"',
});
export const ReviewProcessSchema = SingleLineText({
  maxLength: REGISTER_TEXT_MAX_LENGTH,
  description: 'e.g. DSP4003',
});
export const ReviewProcessUrlSchema = SingleLineText({ maxLength: REGISTER_TEXT_MAX_LENGTH });
export const MilestoneStateSchema = Type.Union([
  Type.Literal('planned'),
  Type.Literal('done'),
  Type.Literal('dropped'),
]);
export type MilestoneState = Static<typeof MilestoneStateSchema>;
export const ApprovalStateSchema = Type.Union([Type.Literal('approved'), Type.Literal('pending')]);
export type ApprovalState = Static<typeof ApprovalStateSchema>;
export const AccessScopeSchema = Type.Union(
  [
    Type.Literal('general'),
    Type.Literal('public'),
    Type.Literal('non-public'),
    Type.Literal('intellectual-property'),
  ],
  {
    description:
      'Which information the rule is about: all of it, what can be accessed publicly, non-public ' +
      'work in progress, or information that involves intellectual property',
  },
);
export type AccessScope = Static<typeof AccessScopeSchema>;

export const DocumentRefSchema = Type.Object(
  { organization: SlugSchema, identifier: IdentifierSchema },
  {
    additionalProperties: false,
    description: 'A document in the portal: owner organization slug and identifier',
  },
);
export type DocumentRef = Static<typeof DocumentRefSchema>;

// ---------------------------------------------------------------------------------------------
// Items as the register file holds them (no ids: the file is the register, not the database)
// ---------------------------------------------------------------------------------------------

const Deliverable = SingleLineText({ maxLength: MILESTONE_DELIVERABLE_MAX_LENGTH });
const Timeframe = SingleLineText({
  maxLength: TIMEFRAME_MAX_LENGTH,
  description: 'As the register writes it, e.g. "Oct 2018"',
});
const CommitmentTitle = SingleLineText({ maxLength: TITLE_MAX_LENGTH });
const ContactRole = SingleLineText({
  maxLength: CONTACT_ROLE_MAX_LENGTH,
  description: 'e.g. DMTF VP of Alliances',
});
const ContactAddress = Type.Union([EmailSchema, Type.Null()], {
  description: 'E-mail address of a person or a mailing list; null while open',
});
const ApprovalBody = SingleLineText({
  minLength: 1,
  maxLength: APPROVAL_BODY_MAX_LENGTH,
  description: 'e.g. OFA Board',
});
const Resolution = Type.Union([
  SingleLineText({ minLength: 1, maxLength: APPROVAL_BODY_MAX_LENGTH }),
  Type.Null(),
]);
const AsWritten = MultiLineText({
  maxLength: REGISTER_TEXT_MAX_LENGTH,
  description: 'The register text as written, kept where it holds placeholders',
});

export const RegisterTextItemSchema = Type.Object(
  { party: JointOrParty, text: ItemText, open: Type.Optional(Open) },
  { additionalProperties: false },
);
export const RegisterActivityItemSchema = Type.Object(
  { party: SlugSchema, text: ItemText, open: Type.Optional(Open) },
  { additionalProperties: false },
);
export const RegisterAccessRuleItemSchema = Type.Object(
  { scope: AccessScopeSchema, party: JointOrParty, text: ItemText, open: Type.Optional(Open) },
  { additionalProperties: false },
);

/** A milestone's and a contact's fields: the file holds them, the parties' edits write them. */
const milestoneFields = {
  deliverable: Deliverable,
  timeframe: Timeframe,
  state: MilestoneStateSchema,
  doneOn: Type.Union([DaySchema, Type.Null()], { description: 'Only when done' }),
  open: Open,
};
const contactFields = { party: SlugSchema, role: ContactRole, address: ContactAddress, open: Open };

export const RegisterMilestoneItemSchema = Type.Object(
  WithOptional(milestoneFields, ['doneOn', 'open']),
  { additionalProperties: false },
);
export const RegisterCommitmentItemSchema = Type.Object(
  {
    from: SlugSchema,
    to: SlugSchema,
    title: CommitmentTitle,
    note: Type.Optional(ItemText),
    document: Type.Optional(
      Type.Union([DocumentRefSchema, Type.Null()], {
        description: 'The document that fulfils it, owned by the `from` party; null until named',
      }),
    ),
    open: Type.Optional(Open),
  },
  { additionalProperties: false },
);
export const RegisterContactItemSchema = Type.Object(WithOptional(contactFields, ['open']), {
  additionalProperties: false,
});
export const RegisterApprovalItemSchema = Type.Object(
  {
    party: SlugSchema,
    body: ApprovalBody,
    state: ApprovalStateSchema,
    resolution: Type.Optional(Resolution),
    approvedOn: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    asWritten: Type.Optional(AsWritten),
    note: Type.Optional(ItemText),
    resolutionDocument: Type.Optional(
      Type.Union([DocumentRefSchema, Type.Null()], {
        description: 'The board resolution, as a portal document',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A work register as a file: GET /registers/:slug/export, `npm run register:import <file>`. */
export const WorkRegisterFileSchema = Type.Object(
  {
    $schema: Type.Optional(SingleLineText({ description: 'Where this schema is published' })),
    slug: SlugSchema,
    title: RegisterTitleSchema,
    version: RegisterVersionSchema,
    state: RegisterStateSchema,
    initiatedOn: Type.Union([DaySchema, Type.Null()]),
    summary: RegisterSummarySchema,
    parties: Type.Array(
      Type.Object(
        { organization: SlugSchema, description: PartyDescriptionSchema },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: REGISTER_MAX_PARTIES,
        description: 'In the order the register names them',
      },
    ),
    benefits: Type.Array(RegisterTextItemSchema, { maxItems: 200 }),
    activities: Type.Array(RegisterActivityItemSchema, { maxItems: 200 }),
    limitations: Type.Array(RegisterTextItemSchema, { maxItems: 200 }),
    milestones: Type.Array(RegisterMilestoneItemSchema, { maxItems: 200 }),
    accessRules: Type.Array(RegisterAccessRuleItemSchema, { maxItems: 200 }),
    commitments: Type.Array(RegisterCommitmentItemSchema, { maxItems: 200 }),
    reviewDue: Type.Union([DaySchema, Type.Null()], {
      description: 'The date the review is due, for the overdue check (March 2020 → 2020-03-01)',
    }),
    reviewDueAsWritten: ReviewDueAsWrittenSchema,
    reviewProcess: ReviewProcessSchema,
    reviewProcessUrl: ReviewProcessUrlSchema,
    contacts: Type.Array(RegisterContactItemSchema, { maxItems: 200 }),
    approvals: Type.Array(RegisterApprovalItemSchema, {
      maxItems: REGISTER_MAX_PARTIES,
      description: 'At most one per party; a party without one is pending',
    }),
  },
  {
    additionalProperties: false,
    title: 'WorkRegister',
    description:
      'A work register between standards organizations, as imported by `npm run register:import` ' +
      'and exported by GET /api/v1/registers/<slug>/export',
  },
);
export type WorkRegisterFile = Static<typeof WorkRegisterFileSchema>;

/** Where the JSON Schema of a register file is published, on the API's origin. */
export const WORK_REGISTER_SCHEMA_PATH = '/api/v1/schemas/work-register.json';

/**
 * The published JSON Schema of a register file (also checked in as schemas/work-register.json,
 * which a test keeps equal to this).
 */
export function workRegisterJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(JSON.parse(JSON.stringify(WorkRegisterFileSchema)) as Record<string, unknown>),
  };
}

// ---------------------------------------------------------------------------------------------
// The register page: GET /api/v1/registers/:slug
// ---------------------------------------------------------------------------------------------

export const RegisterPagePartySchema = Type.Object({
  organization: Type.String({ description: 'Organization slug' }),
  name: Type.String(),
  description: Type.String({ description: 'How the register describes the party' }),
});

const WithOpen = { open: Open };

export const RegisterTextSchema = Type.Object(
  { party: Type.Union([Type.String(), Type.Null()]), text: Type.String(), ...WithOpen },
  { title: 'RegisterText' },
);
export type RegisterText = Static<typeof RegisterTextSchema>;

export const RegisterAccessRuleSchema = Type.Object(
  { scope: AccessScopeSchema, ...RegisterTextSchema.properties },
  { title: 'RegisterAccessRule' },
);
export type RegisterAccessRule = Static<typeof RegisterAccessRuleSchema>;

export const RegisterMilestoneSchema = Type.Object(
  {
    id: UuidSchema,
    deliverable: Type.String(),
    timeframe: Type.String(),
    state: MilestoneStateSchema,
    doneOn: Type.Union([DaySchema, Type.Null()]),
    ...WithOpen,
  },
  { title: 'RegisterMilestone' },
);
export type RegisterMilestone = Static<typeof RegisterMilestoneSchema>;

export const RegisterCommitmentSchema = Type.Object(
  {
    id: UuidSchema,
    from: Type.String({ description: 'Slug of the party that makes the document available' }),
    to: Type.String({ description: 'Slug of the party it is made available to' }),
    title: Type.String(),
    note: Type.String(),
    document: Type.Union([DocumentRefSchema, Type.Null()]),
    delivery: Type.Union([Type.Literal('delivered'), Type.Literal('outstanding'), Type.Null()], {
      description:
        'delivered: the linked document exists and has a version that is not withdrawn. null: a ' +
        'document is named that the caller may not read (or that does not exist), so its delivery ' +
        'is not shown',
    }),
    link: Type.Union(
      [
        Type.Object({
          documentId: UuidSchema,
          title: Type.String(),
          latestVersion: Type.Union([Type.String(), Type.Null()]),
        }),
        Type.Null(),
      ],
      { description: 'The linked document, only for a caller who may read it' },
    ),
    ...WithOpen,
  },
  { title: 'RegisterCommitment' },
);
export type RegisterCommitment = Static<typeof RegisterCommitmentSchema>;

export const RegisterContactSchema = Type.Object(
  {
    id: UuidSchema,
    party: Type.String(),
    role: Type.String(),
    address: Type.Union([Type.String(), Type.Null()]),
    ...WithOpen,
  },
  { title: 'RegisterContact' },
);
export type RegisterContact = Static<typeof RegisterContactSchema>;

export const RegisterApprovalSchema = Type.Object(
  {
    party: Type.String(),
    body: Type.String({ description: 'Empty while pending and no body is named' }),
    state: ApprovalStateSchema,
    resolution: Type.Union([Type.String(), Type.Null()]),
    approvedOn: Type.Union([DaySchema, Type.Null()]),
    asWritten: Type.String(),
    note: Type.String(),
    resolutionDocument: Type.Union([DocumentRefSchema, Type.Null()], {
      description: 'The board resolution, as a portal document (owner and identifier)',
    }),
    resolutionLink: Type.Union(
      [Type.Object({ documentId: UuidSchema, title: Type.String() }), Type.Null()],
      { description: 'The resolution document, only for a caller who may read it' },
    ),
  },
  { title: 'RegisterApproval', description: 'One per party, in the parties’ order' },
);
export type RegisterApproval = Static<typeof RegisterApprovalSchema>;

export const RegisterSectionSchema = Type.Union([
  Type.Literal('benefits'),
  Type.Literal('activities'),
  Type.Literal('limitations'),
  Type.Literal('milestones'),
  Type.Literal('access'),
  Type.Literal('commitments'),
  Type.Literal('review'),
  Type.Literal('contacts'),
  Type.Literal('approvals'),
]);

export const RegisterOpenItemSchema = Type.Object(
  {
    section: RegisterSectionSchema,
    party: Type.Union([Type.String(), Type.Null()]),
    itemId: Type.Union([UuidSchema, Type.Null()], {
      description: 'The milestone, commitment or contact, when the open item is one',
    }),
    description: Type.String(),
  },
  { title: 'RegisterOpenItem' },
);
export type RegisterOpenItem = Static<typeof RegisterOpenItemSchema>;

export const RegisterPermissionsSchema = Type.Object({
  manage: Type.Boolean({
    description: 'May change terms, parties and state (the portal operator)',
  }),
  editDetails: Type.Boolean({
    description: 'May add, edit and remove milestones, the joint items (admins of any party)',
  }),
  editAs: Type.Array(Type.String(), {
    description:
      'Parties whose contacts and documentation commitments the caller may add, edit and remove ' +
      '(their own, as admin)',
  }),
  approveAs: Type.Array(Type.String(), {
    description: 'Parties whose approval the caller may record or clear (their own, as admin)',
  }),
  readHistory: Type.Boolean({
    description: 'May read who changed what (members of the parties, the operator)',
  }),
});
export type RegisterPermissions = Static<typeof RegisterPermissionsSchema>;

export const RegisterPageSchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    version: Type.String(),
    state: RegisterStateSchema,
    initiatedOn: Type.Union([DaySchema, Type.Null()]),
    summary: Type.String(),
    parties: Type.Array(RegisterPagePartySchema),
    benefits: Type.Array(RegisterTextSchema),
    activities: Type.Array(RegisterTextSchema),
    limitations: Type.Array(RegisterTextSchema),
    milestones: Type.Array(RegisterMilestoneSchema),
    accessRules: Type.Array(RegisterAccessRuleSchema),
    commitments: Type.Array(RegisterCommitmentSchema),
    reviewDue: Type.Union([DaySchema, Type.Null()]),
    reviewDueAsWritten: Type.String({ description: 'e.g. "March 2020"' }),
    reviewOverdue: Type.Boolean({ description: 'reviewDue is before today (UTC)' }),
    reviewProcess: Type.String(),
    reviewProcessUrl: Type.String(),
    contacts: Type.Array(RegisterContactSchema),
    approvals: Type.Array(RegisterApprovalSchema),
    openItems: Type.Array(RegisterOpenItemSchema, {
      description: 'What the register leaves open, in the register’s order',
    }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    permissions: RegisterPermissionsSchema,
    documents: Type.Object(
      { ...DocumentList.properties },
      {
        description:
          'Documents shared under the register that the caller may read, newest first; more ' +
          'pages from GET /api/v1/documents?register=<slug>&cursor=<nextCursor>',
      },
    ),
  },
  { title: 'WorkRegisterPage' },
);
export type RegisterPage = Static<typeof RegisterPageSchema>;

// ---------------------------------------------------------------------------------------------
// Edits by the parties
// ---------------------------------------------------------------------------------------------

export const RegisterItemParams = PathParams({ slug: SlugSchema, id: UuidSchema });
export const RegisterApprovalParams = PathParams({ slug: SlugSchema, organization: SlugSchema });

export const MilestoneInput = Type.Object(
  WithOptional(milestoneFields, ['state', 'doneOn', 'open']),
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInput>;
export const MilestoneChange = ChangeOf(milestoneFields);
export type MilestoneChange = Static<typeof MilestoneChange>;

const commitmentFields = {
  from: SlugSchema,
  to: SlugSchema,
  title: CommitmentTitle,
  note: ItemText,
  document: Type.Union([DocumentRefSchema, Type.Null()]),
  open: Open,
};
export const CommitmentInput = Type.Object(
  WithOptional(commitmentFields, ['note', 'document', 'open']),
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInput>;
export const CommitmentChange = ChangeOf(commitmentFields);
export type CommitmentChange = Static<typeof CommitmentChange>;

export const ContactInput = Type.Object(WithOptional(contactFields, ['open']), {
  additionalProperties: false,
});
export type ContactInput = Static<typeof ContactInput>;
export const ContactChange = ChangeOf(contactFields);
export type ContactChange = Static<typeof ContactChange>;

/** Records that the organization's body approved the register (PUT …/approvals/:organization). */
export const ApprovalInput = Type.Object(
  {
    body: ApprovalBody,
    resolution: Type.Optional(Resolution),
    approvedOn: DaySchema,
    resolutionDocument: Type.Optional(
      Type.Union([DocumentRefSchema, Type.Null()], {
        description:
          'The board resolution as a portal document the approver may read, e.g. ' +
          '{"organization":"ofa","identifier":"OFA-BR-2018-10"}',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ApprovalInput = Static<typeof ApprovalInput>;

// ---------------------------------------------------------------------------------------------
// The history: GET /api/v1/registers/:slug/history
// ---------------------------------------------------------------------------------------------

export const RegisterHistoryEventSchema = Type.Object(
  {
    id: UuidSchema,
    at: TimestampSchema,
    actor: Type.Object({
      name: Type.String(),
      email: Type.Union([Type.String(), Type.Null()]),
    }),
    onBehalfOf: Type.Union([Type.String(), Type.Null()], {
      description: 'The party the change was made for; null for the portal operator',
    }),
    action: Type.String({ description: 'e.g. register.contact.edit' }),
    itemKind: Type.Union([
      Type.Literal('milestone'),
      Type.Literal('commitment'),
      Type.Literal('contact'),
      Type.Literal('approval'),
      Type.Literal('register'),
    ]),
    itemId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown({ description: 'The item before the change; null when added' }),
    after: Type.Unknown({ description: 'The item after the change; null when removed' }),
  },
  { title: 'RegisterHistoryEvent' },
);
export type RegisterHistoryEvent = Static<typeof RegisterHistoryEventSchema>;

export const RegisterHistorySchema = Type.Object(
  { items: Type.Array(RegisterHistoryEventSchema, { description: 'Newest first' }) },
  { title: 'RegisterHistory' },
);
export type RegisterHistory = Static<typeof RegisterHistorySchema>;
