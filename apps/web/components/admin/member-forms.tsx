'use client';

import { EMAIL_MAX_LENGTH, PERSON_NAME_MAX_LENGTH } from '@liaison/core';
import { useActionState, useId } from 'react';
import { ChoiceOptions } from '../select-options';
import styles from './admin.module.css';
import { FormMessage, SelectField, SubmitButton, SubmitRow, TextField } from './form-parts';
import { type FormAction, type FormState, IDLE } from './form-state';

export const ROLE_OPTIONS = [
  { value: 'member', label: 'Member: reads documents' },
  { value: 'editor', label: 'Editor: uploads and edits, submits' },
  { value: 'admin', label: 'Admin: releases, manages members, reviews submissions' },
];

const SHORT_ROLE_OPTIONS = [
  { value: 'member', label: 'Member' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

/** The address of the person to add or invite, kept when the form comes back with an error. */
function EmailField({ state }: { state: FormState }) {
  return (
    <TextField
      label="E-mail address"
      name="email"
      type="email"
      required
      autoComplete="off"
      maxLength={EMAIL_MAX_LENGTH}
      defaultValue={state.status === 'error' ? state.values?.email : ''}
      error={state.fieldErrors?.email}
    />
  );
}

function RoleField({ state }: { state: FormState }) {
  return (
    <SelectField
      label="Role"
      name="role"
      options={ROLE_OPTIONS}
      defaultValue={(state.status === 'error' && state.values?.role) || 'member'}
      error={state.fieldErrors?.role}
    />
  );
}

export function AddMemberForm({
  action,
  organization,
  organizationName,
}: {
  action: FormAction;
  organization: string;
  organizationName: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const failed = state.status === 'error';
  return (
    <form action={formAction} className={styles.form} aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add a member to {organizationName} directly</h2>
      <p className="muted">
        As the portal operator you may add a person without an invitation: they become a member at
        once.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="organization" value={organization} />
      <div className={styles.row}>
        <EmailField state={state} />
        <TextField
          label="Name"
          name="name"
          optional
          autoComplete="off"
          maxLength={PERSON_NAME_MAX_LENGTH}
          hint="For people who have no Liaison account yet."
          defaultValue={failed ? state.values?.name : ''}
          error={state.fieldErrors?.name}
        />
      </div>
      <RoleField state={state} />
      <SubmitRow pendingText="Adding…">Add member</SubmitRow>
    </form>
  );
}

/** Invites a person: they become a member when they accept the mailed link. */
export function InviteMemberForm({
  action,
  organization,
  organizationName,
  validDays,
}: {
  action: FormAction;
  organization: string;
  organizationName: string;
  validDays: number;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="invite-member-title">
      <h2 id="invite-member-title">Invite someone to {organizationName}</h2>
      <p className="muted">
        They get an e-mail with a link, valid {validDays} days, and join when they accept it.
        Someone new to Liaison chooses a name and password there.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="organization" value={organization} />
      <EmailField state={state} />
      <RoleField state={state} />
      <SubmitRow pendingText="Sending…">Send invitation</SubmitRow>
    </form>
  );
}

/** Revokes one pending invitation in place; errors show in its row. */
export function RevokeInvitationForm({
  action,
  organization,
  invitationId,
  email,
}: {
  action: FormAction;
  organization: string;
  invitationId: string;
  email: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.inlineForm}>
      <input type="hidden" name="organization" value={organization} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="danger" small pendingText="Revoking…">
        Revoke<span className="visually-hidden"> the invitation of {email}</span>
      </SubmitButton>
      {state.status === 'error' && (
        <div style={{ flexBasis: '100%' }}>
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}

/** One member's role, changeable in place; errors (e.g. the last admin) show in the row. */
export function RoleForm({
  action,
  organization,
  userId,
  memberName,
  role,
}: {
  action: FormAction;
  organization: string;
  userId: string;
  memberName: string;
  role: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const id = useId();
  return (
    <form action={formAction} className={styles.inlineForm}>
      <input type="hidden" name="organization" value={organization} />
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`${id}-role`}>
        Role of {memberName}
      </label>
      {/* Keyed by the current role so the select follows changes made elsewhere. */}
      <select
        key={role}
        id={`${id}-role`}
        name="role"
        defaultValue={role}
        className={`${styles.select} ${styles.small}`}
      >
        <ChoiceOptions options={SHORT_ROLE_OPTIONS} />
      </select>
      <SubmitButton variant="secondary" small pendingText="Saving…">
        Change<span className="visually-hidden"> the role of {memberName}</span>
      </SubmitButton>
      {state.status !== 'idle' && (
        <div style={{ flexBasis: '100%' }}>
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}
