/**
 * Wire schemas for a person's own account: the profile (name, password) and the password reset by
 * mail (see schemas.ts for the idea).
 */
import { type Static, Type } from 'typebox';
import { NewPassword } from './invitation-schemas.js';
import {
  EMAIL_MAX_LENGTH,
  LINK_TOKEN_PATTERN,
  PASSWORD_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
} from './rules.js';

/** How long a password reset link works (once). */
export const PASSWORD_RESET_VALID_MINUTES = 60;
/** Reset mails sent to one account per hour at the most; more requests are answered the same. */
export const PASSWORD_RESETS_PER_HOUR = 3;

export const PasswordResetRequestBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: EMAIL_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBody>;

export const PasswordResetRequested = Type.Object(
  {
    message: Type.String({
      description:
        'The same answer whether or not an account uses the address, so it reveals nothing',
    }),
  },
  { title: 'PasswordResetRequested' },
);
export type PasswordResetRequested = Static<typeof PasswordResetRequested>;

/** The secret in a reset link: the same shape as an invitation's. */
export const PasswordResetToken = Type.String({ pattern: LINK_TOKEN_PATTERN });

export const PasswordResetBody = Type.Object(
  { token: PasswordResetToken, password: NewPassword },
  { additionalProperties: false },
);
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const ProfileUpdateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type ProfileUpdateBody = Static<typeof ProfileUpdateBody>;

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: NewPassword,
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const PasswordChanged = Type.Object(
  {
    signedOutSessions: Type.Integer({
      description: "The account's other sign-in sessions that were ended",
    }),
  },
  { title: 'PasswordChanged' },
);
export type PasswordChanged = Static<typeof PasswordChanged>;
