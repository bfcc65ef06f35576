/**
 * Wire schemas for managing organizations, their members and work registers, for the caller's own
 * account (GET /me) and for the work register page (see schemas.ts for the idea).
 */
import { type Static, type TSchema, Type } from 'typebox';
import {
  ChangeOf,
  DaySchema,
  EmailSchema,
  PathParams,
  RegisterStateSchema,
  RoleSchema,
  TimestampSchema,
  UuidSchema,
} from './common-schemas.js';
import {
  PartyDescriptionSchema,
  RegisterAccessRuleItemSchema,
  RegisterActivityItemSchema,
  RegisterSummarySchema,
  RegisterTextItemSchema,
  RegisterTitleSchema,
  RegisterVersionSchema,
  ReviewDueAsWrittenSchema,
  ReviewProcessSchema,
  ReviewProcessUrlSchema,
} from './register-schemas.js';
import {
  IPR_POLICY_MAX_LENGTH,
  IPR_POLICY_URL_MAX_LENGTH,
  IPR_POLICY_URL_PATTERN,
  ORGANIZATION_DESCRIPTION_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  REGISTER_MAX_PARTIES,
} from './rules.js';
import { OrganizationSchema } from './schemas.js';
import { MultiLineText, SingleLineText, SlugSchema } from './text-schemas.js';

export const OrganizationParams = PathParams({ slug: SlugSchema });
export const MemberParams = PathParams({ slug: SlugSchema, userId: UuidSchema });

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

export const OrganizationAdminList = Type.Object(
  {
    items: Type.Array(
      Type.Object({ name: Type.String(), email: Type.String() }, { title: 'OrganizationAdmin' }),
    ),
  },
  { title: 'OrganizationAdminList' },
);
export type OrganizationAdminList = Static<typeof OrganizationAdminList>;

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

const IprPolicyUrl = Type.Union(
  [
    Type.String({ pattern: IPR_POLICY_URL_PATTERN, maxLength: IPR_POLICY_URL_MAX_LENGTH }),
    Type.Literal(''),
  ],
  {
    description: "The official policy's https address, shown beside the text; '' removes it",
  },
);

/** An organization as GET /organizations/:slug shows it, with what only its managers need. */
export const OrganizationDetailSchema = Type.Object(
  {
    ...OrganizationSchema.properties,
    iprPolicy: Type.String({
      description: 'Shown to, and acknowledged by, whoever submits IP to this organization',
    }),
    iprPolicyUrl: Type.Union([Type.String(), Type.Null()], {
      description: "The official policy's https address, or null",
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
    iprPolicyUrl: Type.Optional(IprPolicyUrl),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = ChangeOf({
  name: OrganizationName,
  description: OrganizationDescription,
  iprPolicy: IprPolicy,
  iprPolicyUrl: IprPolicyUrl,
  passwordLogin: Type.Boolean({
    description: 'Whether its members may sign in with a password (signIn.password)',
  }),
});
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

// ---------------------------------------------------------------------------------------------
// Work registers
// ---------------------------------------------------------------------------------------------

export const RegisterParams = PathParams({ slug: SlugSchema });

export const RegisterPartyInput = Type.Object(
  { organization: SlugSchema, description: Type.Optional(PartyDescriptionSchema) },
  { additionalProperties: false },
);
const RegisterPartiesInput = Type.Array(RegisterPartyInput, {
  minItems: 1,
  maxItems: REGISTER_MAX_PARTIES,
  description: 'In the order the register names them; each organization once',
});

/** A whole text section, in order: the operator's editor replaces it at once. */
const RegisterSectionInput = <T extends TSchema>(item: T) =>
  Type.Array(item, { maxItems: 200, description: 'The whole section, in the register’s order' });

export const CreateRegisterBody = Type.Object(
  {
    slug: SlugSchema,
    title: RegisterTitleSchema,
    version: Type.Optional(RegisterVersionSchema),
    initiatedOn: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    summary: Type.Optional(RegisterSummarySchema),
    state: RegisterStateSchema,
    reviewDue: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    reviewDueAsWritten: Type.Optional(ReviewDueAsWrittenSchema),
    reviewProcess: Type.Optional(ReviewProcessSchema),
    reviewProcessUrl: Type.Optional(ReviewProcessUrlSchema),
    parties: RegisterPartiesInput,
  },
  { additionalProperties: false },
);
export type CreateRegisterBody = Static<typeof CreateRegisterBody>;

export const UpdateRegisterBody = Type.Object(
  {
    title: Type.Optional(RegisterTitleSchema),
    version: Type.Optional(RegisterVersionSchema),
    initiatedOn: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    summary: Type.Optional(RegisterSummarySchema),
    state: Type.Optional(RegisterStateSchema),
    reviewDue: Type.Optional(Type.Union([DaySchema, Type.Null()])),
    reviewDueAsWritten: Type.Optional(ReviewDueAsWrittenSchema),
    reviewProcess: Type.Optional(ReviewProcessSchema),
    reviewProcessUrl: Type.Optional(ReviewProcessUrlSchema),
    parties: Type.Optional(RegisterPartiesInput),
    benefits: Type.Optional(RegisterSectionInput(RegisterTextItemSchema)),
    activities: Type.Optional(RegisterSectionInput(RegisterActivityItemSchema)),
    limitations: Type.Optional(RegisterSectionInput(RegisterTextItemSchema)),
    accessRules: Type.Optional(RegisterSectionInput(RegisterAccessRuleItemSchema)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegisterBody = Static<typeof UpdateRegisterBody>;
