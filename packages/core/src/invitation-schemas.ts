/**
 * Wire schemas for invitations: how an organization admin asks a person to join, and how that
 * person accepts (see schemas.ts for the idea).
 */
import { type Static, Type } from 'typebox';
import {
  EmailSchema,
  PathParams,
  RoleSchema,
  TimestampSchema,
  UuidSchema,
} from './common-schemas.js';
import {
  LINK_TOKEN_PATTERN,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
} from './rules.js';
import { SlugSchema } from './text-schemas.js';

/** How long an invitation can be accepted. */
export const INVITATION_VALID_DAYS = 7;

/** The secret in an invitation link: whoever knows it may accept. */
export const InvitationToken = Type.String({ pattern: LINK_TOKEN_PATTERN });

export const InvitationParams = PathParams({ slug: SlugSchema, id: UuidSchema });
export const InvitationTokenParams = PathParams({ token: InvitationToken });

export const CreateInvitationBody = Type.Object(
  { email: EmailSchema, role: RoleSchema },
  { additionalProperties: false },
);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

/** A pending invitation as the organization's admins see it (never with its secret). */
export const InvitationSchema = Type.Object(
  {
    id: UuidSchema,
    organization: Type.String(),
    email: Type.String(),
    role: RoleSchema,
    invitedBy: Type.Union([Type.String(), Type.Null()], {
      description: 'E-mail address of who sent it (null when that account is gone)',
    }),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
  },
  { title: 'Invitation' },
);
export type Invitation = Static<typeof InvitationSchema>;

export const InvitationList = Type.Object({ items: Type.Array(InvitationSchema) });
export type InvitationList = Static<typeof InvitationList>;

/** What the invitation link shows its holder, signed in or not. */
export const InvitationPreviewSchema = Type.Object(
  {
    organization: Type.Object({ slug: Type.String(), name: Type.String() }),
    role: RoleSchema,
    email: Type.String(),
    expiresAt: TimestampSchema,
    accountExists: Type.Boolean({
      description:
        'Whether the address has a Liaison account: then its owner signs in to accept; ' +
        'otherwise accepting creates the account with a name and password',
    }),
  },
  { title: 'InvitationPreview' },
);
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

export const NewPassword = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
});

/** For an address new to Liaison: the account to create. Nothing for an existing account. */
export const AcceptInvitationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX_LENGTH })),
    password: Type.Optional(NewPassword),
  },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const AcceptedInvitationSchema = Type.Object(
  {
    organization: Type.String(),
    role: RoleSchema,
    userId: UuidSchema,
    email: Type.String(),
    accountCreated: Type.Boolean(),
  },
  { title: 'AcceptedInvitation' },
);
export type AcceptedInvitation = Static<typeof AcceptedInvitationSchema>;
