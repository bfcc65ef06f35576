/**
 * Wire schemas for managing organizations, their members and work registers, for the caller's own
 * account (GET /me) and for the work register page (see schemas.ts for the idea).
 */
import { type Static, Type } from 'typebox';
import { DaySchema, EmailSchema, TimestampSchema, UuidSchema } from './common-schemas.js';
import {
  IPR_POLICY_MAX_LENGTH,
  ORGANIZATION_DESCRIPTION_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  REGISTER_MAX_PARTIES,
  REGISTER_SUMMARY_MAX_LENGTH,
  REGISTER_TEXT_MAX_LENGTH,
  REGISTER_VERSION_MAX_LENGTH,
  TIMEFRAME_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './rules.js';
import { OrganizationSchema } from './schemas.js';
import { MultiLineText, SingleLineText, SlugSchema } from './text-schemas.js';

export const RoleSchema = Type.Union([
  Type.Literal('member'),
  Type.Literal('editor'),
  Type.Literal('admin'),
]);

export const OrganizationParams = Type.Object(
  { slug: SlugSchema },
  { additionalProperties: false },
);
export const MemberParams = Type.Object(
  { slug: SlugSchema, userId: UuidSchema },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

export const MemberSchema = Type.Object(
  {
    userId: UuidSchema,
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
        maxLength: PERSON_NAME_MAX_LENGTH,
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

const OrganizationName = SingleLineText({
  minLength: 1,
  maxLength: ORGANIZATION_NAME_MAX_LENGTH,
});
const OrganizationDescription = MultiLineText({ maxLength: ORGANIZATION_DESCRIPTION_MAX_LENGTH });
const IprPolicy = MultiLineText({
  maxLength: IPR_POLICY_MAX_LENGTH,
  description: 'Shown to, and acknowledged by, whoever submits IP to this organization',
});

/** An organization as GET /organizations/:slug shows it, with what only its managers need. */
export const OrganizationDetailSchema = Type.Object(
  {
    ...OrganizationSchema.properties,
    iprPolicy: Type.String({
      description: 'Shown to, and acknowledged by, whoever submits IP to this organization',
    }),
    createdAt: TimestampSchema,
  },
  { title: 'OrganizationDetail' },
);
export type OrganizationDetail = Static<typeof OrganizationDetailSchema>;

export const CreateOrganizationBody = Type.Object(
  {
    slug: SlugSchema,
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
const RegisterVersion = SingleLineText({
  maxLength: REGISTER_VERSION_MAX_LENGTH,
  description: 'e.g. 1.0b',
});
const RegisterSummary = MultiLineText({ maxLength: REGISTER_SUMMARY_MAX_LENGTH });
const ReviewProcess = SingleLineText({
  maxLength: REGISTER_TEXT_MAX_LENGTH,
  description: 'e.g. DSP4003',
});
const ReviewProcessUrl = SingleLineText({ maxLength: REGISTER_TEXT_MAX_LENGTH });
const ReviewDueAsWritten = SingleLineText({
  maxLength: TIMEFRAME_MAX_LENGTH,
  description: 'e.g. "March 2020"',
});
const PartyDescription = MultiLineText({ maxLength: REGISTER_TEXT_MAX_LENGTH });

export const RegisterParams = Type.Object({ slug: SlugSchema }, { additionalProperties: false });

export const RegisterPartyInput = Type.Object(
  { organization: SlugSchema, description: Type.Optional(PartyDescription) },
  { additionalProperties: false },
);
const RegisterPartiesInput = Type.Array(RegisterPartyInput, {
  minItems: 1,
  maxItems: REGISTER_MAX_PARTIES,
  description: 'In the order the register names them; each organization once',
});

export const CreateRegisterBody = Type.Object(
  {
    slug: SlugSchema,
    title: RegisterTitle,
    version: Type.Optional(RegisterVersion),
    initiatedOn: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    summary: Type.Optional(RegisterSummary),
    state: RegisterStateSchema,
    reviewDue: Type.Optional(Type.Union([DaySchema, Type.Null()])),
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
    initiatedOn: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    summary: Type.Optional(RegisterSummary),
    state: Type.Optional(RegisterStateSchema),
    reviewDue: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    reviewDueAsWritten: Type.Optional(ReviewDueAsWritten),
    reviewProcess: Type.Optional(ReviewProcess),
    reviewProcessUrl: Type.Optional(ReviewProcessUrl),
    parties: Type.Optional(RegisterPartiesInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegisterBody = Static<typeof UpdateRegisterBody>;
