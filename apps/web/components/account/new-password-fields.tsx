'use client';

import { MIN_PASSWORD_LENGTH, PASSWORD_MAX_LENGTH } from '@liaison/core';
import { TextField } from '../admin/form-parts';
import type { FormState } from '../admin/form-state';

/**
 * A new password and the same again, as every form that sets one asks for it (accepting an
 * invitation, a reset link, the account page); `name` is the field the server action reads, and
 * `confirmPassword` its repetition (see lib/new-password.ts).
 */
export function NewPasswordFields({
  state,
  name = 'password',
  label = 'Password',
  hint,
}: {
  state: FormState<unknown>;
  name?: string;
  label?: string;
  hint?: string;
}) {
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.${hint ? ` ${hint}` : ''}`}
        error={state.fieldErrors?.[name]}
      />
      <TextField
        label={`${label} again`}
        name="confirmPassword"
        type="password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        autoComplete="new-password"
        error={state.fieldErrors?.confirmPassword}
      />
    </>
  );
}
