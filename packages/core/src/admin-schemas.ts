/**
 * Wire schemas for managing organizations, their members and work registers, for the caller's own
 * account (GET /me) and for the work register page (see schemas.ts for the idea).
 */
import { type Static, Type } from 'typebox';
import { TITLE_MAX_LENGTH } from './rules.js';
import { OrganizationSchema } from './schemas.js';
import { EMAIL_PATTERN, MultiLineText, SingleLineText, SlugSchema } from './text-schemas.js';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Slug = SlugSchema;

export const RoleSchema = Type.Union([
  Type.Literal('member'),
  Type.Literal('editor'),
  Type.Literal('admin'),
]);

export const EmailSchema = Type.String({
  pattern: EMAIL_PATTERN,
  minLength: 3,
  maxLength: 320,
});

export const OrganizationParams = Type.Object({ slug: Slug }, { additionalProperties: false });
export const MemberParams = Type.Object(
  { slug: Slug, userId: Uuid },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

export const MemberSchema = Type.Object(
  {
    userId: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    since: Type.String({ format: 'date-time', description: 'When the membership began' }),
  },
  { title: 'Member' },
);
export type Member = Static<typeof MemberSchema>;

export const MemberList = Type.Object({ items: Type.Array(MemberSchema) });
export type MemberList = Static<typeof MemberList>;

export const AddMemberBody = Type.Object(
  {
    email: EmailSchema,
    role: RoleSchema,
    name: Type.Optional(
      SingleLineText({
        minLength: 1,
        maxLength: 200,
        description:
          'Used only when the person is new to Liaison (default: the part of the address before @)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const ChangeMemberRoleBody = Type.Object(
  { role: RoleSchema },
  { additionalProperties: false },
);
export type ChangeMemberRoleBody = Static<typeof ChangeMemberRoleBody>;

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

const OrganizationName = SingleLineText({ minLength: 1, maxLength: 200 });
const OrganizationDescription = MultiLineText({ maxLength: 10_000 });
const IprPolicy = MultiLineText({
  maxLength: 100_000,
  description: 'Shown to, and acknowledged by, whoever submits IP to this organization',
});

/** An organization as GET /organizations/:slug shows it, with what only its managers need. */
export const OrganizationDetailSchema = Type.Object(
  {
    ...OrganizationSchema.properties,
    iprPolicy: Type.String({
      description: 'Shown to, and acknowledged by, whoever submits IP to this organization',
    }),
    createdAt: Timestamp,
  },
  { title: 'OrganizationDetail' },
);
export type OrganizationDetail = Static<typeof OrganizationDetailSchema>;

export const CreateOrganizationBody = Type.Object(
  {
    slug: Slug,
    name: OrganizationName,
    description: Type.Optional(OrganizationDescription),
    iprPolicy: Type.Optional(IprPolicy),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(OrganizationName),
    description: Type.Optional(OrganizationDescription),
    iprPolicy: Type.Optional(IprPolicy),
    passwordLogin: Type.Optional(
      Type.Boolean({
        description: 'Whether its members may sign in with a password (signIn.password)',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

// ---------------------------------------------------------------------------------------------
// Work registers
// ---------------------------------------------------------------------------------------------

const RegisterStateSchema = Type.Union([Type.Literal('draft'), Type.Literal('approved')]);
const RegisterTitle = SingleLineText({ minLength: 1, maxLength: TITLE_MAX_LENGTH });
const RegisterVersion = SingleLineText({ maxLength: 50, description: 'e.g. 1.0b' });
const RegisterSummary = MultiLineText({ maxLength: 20_000 });
const ReviewProcess = SingleLineText({ maxLength: 2_000, description: 'e.g. DSP4003' });
const ReviewProcessUrl = SingleLineText({ maxLength: 2_000 });
const ReviewDueAsWritten = SingleLineText({ maxLength: 100, description: 'e.g. "March 2020"' });
const PartyDescription = MultiLineText({ maxLength: 2_000 });

export const RegisterParams = Type.Object({ slug: Slug }, { additionalProperties: false });

export const RegisterPartyInput = Type.Object(
  { organization: Slug, description: Type.Optional(PartyDescription) },
  { additionalProperties: false },
);
const RegisterPartiesInput = Type.Array(RegisterPartyInput, {
  minItems: 1,
  maxItems: 20,
  description: 'In the order the register names them; each organization once',
});

export const CreateRegisterBody = Type.Object(
  {
    slug: Slug,
    title: RegisterTitle,
    version: Type.Optional(RegisterVersion),
    initiatedOn: Type.Optional(Type.Union([Day, Type.Null()])),
    summary: Type.Optional(RegisterSummary),
    state: RegisterStateSchema,
    reviewDue: Type.Optional(Type.Union([Day, Type.Null()])),
    reviewDueAsWritten: Type.Optional(ReviewDueAsWritten),
    reviewProcess: Type.Optional(ReviewProcess),
    reviewProcessUrl: Type.Optional(ReviewProcessUrl),
    parties: RegisterPartiesInput,
  },
  { additionalProperties: false },
);
export type CreateRegisterBody = Static<typeof CreateRegisterBody>;

export const UpdateRegisterBody = Type.Object(
  {
    title: Type.Optional(RegisterTitle),
    version: Type.Optional(RegisterVersion),
    initiatedOn: Type.Optional(Type.Union([Day, Type.Null()])),
    summary: Type.Optional(RegisterSummary),
    state: Type.Optional(RegisterStateSchema),
    reviewDue: Type.Optional(Type.Union([Day, Type.Null()])),
    reviewDueAsWritten: Type.Optional(ReviewDueAsWritten),
    reviewProcess: Type.Optional(ReviewProcess),
    reviewProcessUrl: Type.Optional(ReviewProcessUrl),
    parties: Type.Optional(RegisterPartiesInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegisterBody = Static<typeof UpdateRegisterBody>;
