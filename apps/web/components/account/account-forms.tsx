'use client';

import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PERSON_NAME_MAX_LENGTH } from '@liaison/core';
import Link from 'next/link';
import { useActionState } from 'react';
import styles from '../admin/admin.module.css';
import { bindFields, FormMessage, SubmitRow, TextField } from '../admin/form-parts';
import { type FormAction, type FormState, IDLE } from '../admin/form-state';
import { NewPasswordFields } from './new-password-fields';

/** The person's own name (server action; works without JavaScript). */
export function ProfileForm({ action, name }: { action: FormAction; name: string }) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  const field = bindFields(state);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <FormMessage state={state} />
      <TextField
        label="Name"
        required
        maxLength={PERSON_NAME_MAX_LENGTH}
        autoComplete="name"
        hint="Shown to the people you work with: on your uploads, comments and statements."
        {...field('name', name)}
      />
      <SubmitRow pendingText="Saving…">Save</SubmitRow>
    </form>
  );
}

/** A new password, given the current one. */
export function PasswordChangeForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  return (
    <form
      key={state.status === 'success' ? state.at : 'editing'}
      action={formAction}
      className={styles.form}
      aria-labelledby="password-title"
    >
      <h2 id="password-title">Password</h2>
      <FormMessage state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        autoComplete="current-password"
      />
      <NewPasswordFields
        state={state}
        name="newPassword"
        label="New password"
        hint="Your other sessions are signed out."
      />
      <SubmitRow pendingText="Changing…">Change password</SubmitRow>
    </form>
  );
}

/** "Forgot your password?": the address to mail a reset link to. */
export function PasswordResetRequestForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  const field = bindFields(state);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <TextField
        label="E-mail address"
        type="email"
        required
        maxLength={EMAIL_MAX_LENGTH}
        autoComplete="username"
        {...field('email')}
      />
      <SubmitRow pendingText="Sending…">Mail me a link</SubmitRow>
    </form>
  );
}

/** The page the mailed link opens: the new password, twice. */
export function PasswordResetForm({ action, token }: { action: FormAction; token: string }) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  if (state.status === 'success') {
    return (
      <>
        <FormMessage state={state} />
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        state={state}
        label="New password"
        hint="Setting it signs you out everywhere."
      />
      <SubmitRow pendingText="Setting…">Set new password</SubmitRow>
    </form>
  );
}
