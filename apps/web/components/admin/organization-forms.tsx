'use client';

import { SLUG_INPUT_PATTERN, SLUG_MAX_LENGTH } from '@liaison/core';
import { useActionState } from 'react';
import styles from './admin.module.css';
import { FormMessage, SubmitButton, TextAreaField, TextField } from './form-parts';
import { type FormState, IDLE } from './form-state';

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

export interface EditableOrganization {
  slug: string;
  name: string;
  description: string;
  /** Undefined when the API did not disclose it. */
  iprPolicy?: string;
  passwordLogin?: boolean;
}

export function CreateOrganizationForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className={styles.form} aria-labelledby="create-org-title">
      <h2 id="create-org-title">Add an organization</h2>
      <FormMessage state={state} />
      <div className={styles.row}>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          defaultValue={v.name}
          error={state.fieldErrors?.name}
        />
        <TextField
          label="Identifier"
          name="slug"
          required
          maxLength={SLUG_MAX_LENGTH}
          pattern={SLUG_INPUT_PATTERN}
          autoComplete="off"
          spellCheck={false}
          hint="Short, lowercase, permanent: e.g. “snia”. Used in addresses."
          defaultValue={v.slug}
          error={state.fieldErrors?.slug}
        />
      </div>
      <TextAreaField
        label="Description"
        name="description"
        optional
        rows={3}
        defaultValue={v.description}
        error={state.fieldErrors?.description}
      />
      <TextAreaField
        label="IPR policy"
        name="iprPolicy"
        optional
        rows={4}
        hint="Shown to, and acknowledged by, whoever submits intellectual property to this organization."
        defaultValue={v.iprPolicy}
        error={state.fieldErrors?.iprPolicy}
      />
      <div className={styles.actions}>
        <SubmitButton pendingText="Adding…">Add organization</SubmitButton>
      </div>
    </form>
  );
}

export function EditOrganizationForm({
  action,
  organization,
}: {
  action: Action;
  organization: EditableOrganization;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const iprKnown = organization.iprPolicy !== undefined;
  const loginKnown = organization.passwordLogin !== undefined;
  const loginDefault =
    v.passwordLogin ??
    (loginKnown ? (organization.passwordLogin ? 'allowed' : 'disabled') : 'keep');
  return (
    <form action={formAction} className={styles.form} aria-labelledby="edit-org-title">
      <h2 id="edit-org-title" className="visually-hidden">
        Edit {organization.name}
      </h2>
      <FormMessage state={state} />
      <input type="hidden" name="slug" value={organization.slug} />
      <input type="hidden" name="original.name" value={organization.name} />
      <input type="hidden" name="original.description" value={organization.description} />
      <input type="hidden" name="original.iprPolicy" value={organization.iprPolicy ?? ''} />
      <input type="hidden" name="original.iprPolicyKnown" value={iprKnown ? 'yes' : 'no'} />
      <input
        type="hidden"
        name="original.passwordLogin"
        value={loginKnown ? String(organization.passwordLogin) : ''}
      />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={200}
        defaultValue={v.name ?? organization.name}
        error={state.fieldErrors?.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        optional
        rows={4}
        defaultValue={v.description ?? organization.description}
        error={state.fieldErrors?.description}
      />
      <TextAreaField
        label="IPR policy"
        name="iprPolicy"
        optional
        rows={5}
        hint={
          iprKnown
            ? 'Shown to, and acknowledged by, whoever submits intellectual property to this organization.'
            : 'The current policy could not be loaded: leave this empty to keep it, or enter a new one to replace it.'
        }
        defaultValue={v.iprPolicy ?? organization.iprPolicy ?? ''}
        error={state.fieldErrors?.iprPolicy}
      />
      <fieldset className={styles.fieldset}>
        <legend>Password sign-in</legend>
        <p className={styles.hint}>
          Whether members may sign in with an e-mail address and password (rather than only through
          the organization’s identity provider).
        </p>
        {!loginKnown && (
          <label className={styles.choice}>
            <input
              type="radio"
              name="passwordLogin"
              value="keep"
              defaultChecked={loginDefault === 'keep'}
            />
            Leave as it is
          </label>
        )}
        <label className={styles.choice}>
          <input
            type="radio"
            name="passwordLogin"
            value="allowed"
            defaultChecked={loginDefault === 'allowed'}
          />
          Allowed
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name="passwordLogin"
            value="disabled"
            defaultChecked={loginDefault === 'disabled'}
          />
          Not allowed
        </label>
        {state.fieldErrors?.passwordLogin && (
          <p className={styles.fieldError}>{state.fieldErrors.passwordLogin}</p>
        )}
      </fieldset>
      <div className={styles.actions}>
        <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
      </div>
    </form>
  );
}
