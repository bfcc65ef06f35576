'use client';

import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_NAME_MAX_LENGTH } from '@liaison/core';
import { useActionState, useEffect, useRef } from 'react';
import type { CreatedToken } from '../../app/admin/tokens/actions';
import { DateTime } from '../register/dates';
import styles from './admin.module.css';
import { CopyButton } from './copy-button';
import { FormMessage, SelectField, SubmitRow, TextField } from './form-parts';
import { type FormState, IDLE } from './form-state';

const EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: '366', label: '1 year (366 days)' },
];

export function TokenCreateForm({
  action,
  headingLevel = 3,
}: {
  action: (previous: FormState<CreatedToken>, form: FormData) => Promise<FormState<CreatedToken>>;
  /** The level of this form's headings (one below the section's). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [state, formAction] = useActionState(action, IDLE as FormState<CreatedToken>);
  const created = state.status === 'success' ? state.result : undefined;
  return (
    <>
      {created && <NewTokenSecret token={created} headingLevel={headingLevel} />}
      <form action={formAction} className={styles.form} aria-labelledby="new-token-title">
        <Heading id="new-token-title">Create a token</Heading>
        {state.status === 'error' && <FormMessage state={state} />}
        <div className={styles.row}>
          <TextField
            label="Name"
            name="name"
            required
            maxLength={API_TOKEN_NAME_MAX_LENGTH}
            autoComplete="off"
            hint="What uses it, e.g. “nightly sync script”."
            defaultValue={state.status === 'error' ? state.values?.name : ''}
            error={state.fieldErrors?.name}
          />
          <SelectField
            label="Expires after"
            name="expiresInDays"
            options={EXPIRY_OPTIONS}
            defaultValue={
              (state.status === 'error' && state.values?.expiresInDays) ||
              String(API_TOKEN_DEFAULT_DAYS)
            }
            error={state.fieldErrors?.expiresInDays}
          />
        </div>
        <SubmitRow pendingText="Creating…">Create token</SubmitRow>
      </form>
    </>
  );
}

function NewTokenSecret({ token, headingLevel }: { token: CreatedToken; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // Take keyboard and screen-reader users straight to the secret they must copy now.
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per new token
  useEffect(() => {
    heading.current?.focus();
  }, [token.id]);
  return (
    <section className={styles.secret} aria-labelledby="secret-title">
      <Heading id="secret-title" ref={heading} tabIndex={-1}>
        Your new token “{token.name}”
      </Heading>
      <p className={styles.warning}>
        Copy it now: you won’t see this again. Liaison keeps only a fingerprint of it.
      </p>
      <div className={styles.secretValue}>
        <label className="visually-hidden" htmlFor="new-token-secret">
          Secret of the token {token.name}
        </label>
        <input
          id="new-token-secret"
          className={styles.input}
          readOnly
          value={token.token}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
        />
        <CopyButton value={token.token} label={`the secret of the token ${token.name}`} />
      </div>
      <p className={styles.hint}>
        Send it as <code>Authorization: Bearer …</code>. It expires on{' '}
        <DateTime value={token.expiresAt} />.
      </p>
    </section>
  );
}
