'use client';

import { PERSON_NAME_MAX_LENGTH } from '@liaison/core';
import { useActionState } from 'react';
import { NewPasswordFields } from '../account/new-password-fields';
import styles from '../admin/admin.module.css';
import { FormMessage, SubmitRow, TextField } from '../admin/form-parts';
import { type FormAction, IDLE } from '../admin/form-state';

/** For the signed-in account the invitation is for: one button. */
export function AcceptInvitationForm({
  action,
  token,
  organizationName,
}: {
  action: FormAction;
  token: string;
  organizationName: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitRow pendingText="Joining…">Accept and join {organizationName}</SubmitRow>
    </form>
  );
}

/** For an address new to Liaison: the name and password of the account to create. */
export function CreateAccountForm({
  action,
  token,
  email,
}: {
  action: FormAction;
  token: string;
  email: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const failed = state.status === 'error';
  return (
    <form action={formAction} className={styles.form} aria-labelledby="create-account-title">
      <h2 id="create-account-title">Create your account</h2>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="E-mail address"
        name="email"
        value={email}
        readOnly
        autoComplete="username"
      />
      <TextField
        label="Your name"
        name="name"
        required
        maxLength={PERSON_NAME_MAX_LENGTH}
        autoComplete="name"
        defaultValue={failed ? state.values?.name : ''}
        error={state.fieldErrors?.name}
      />
      <NewPasswordFields state={state} />
      <SubmitRow pendingText="Creating…">Create account and join</SubmitRow>
    </form>
  );
}
