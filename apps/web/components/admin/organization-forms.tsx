'use client';

import {
  IPR_POLICY_MAX_LENGTH,
  ORGANIZATION_DESCRIPTION_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
} from '@liaison/core';
import { useActionState } from 'react';
import styles from './admin.module.css';
import {
  bindFields,
  type FieldBinding,
  FormMessage,
  SlugField,
  SubmitRow,
  TextAreaField,
  TextField,
} from './form-parts';
import { type FormAction, IDLE } from './form-state';

export interface EditableOrganization {
  slug: string;
  name: string;
  description: string;
  /** Undefined when the API did not disclose it. */
  iprPolicy?: string;
  iprPolicyUrl?: string | null;
  passwordLogin?: boolean;
}

/** "keep" only while the current setting is unknown (the API did not disclose it). */
const PASSWORD_LOGIN_CHOICES = [
  { value: 'keep', label: 'Leave as it is' },
  { value: 'allowed', label: 'Allowed' },
  { value: 'disabled', label: 'Not allowed' },
];

const IPR_HINT =
  'Shown to, and acknowledged by, whoever submits intellectual property to this organization.';

/** The name, description and IPR policy fields both forms have. */
function OrganizationFields({
  bind,
  organization,
  rows,
  iprHint = IPR_HINT,
}: {
  bind: ReturnType<typeof bindFields>;
  organization?: EditableOrganization;
  /** The description's rows; the IPR policy gets one more. */
  rows: number;
  iprHint?: string;
}) {
  return (
    <>
      <TextAreaField
        label="Description"
        optional
        rows={rows}
        maxLength={ORGANIZATION_DESCRIPTION_MAX_LENGTH}
        {...bind('description', organization?.description)}
      />
      <TextAreaField
        label="IPR policy"
        optional
        rows={rows + 1}
        maxLength={IPR_POLICY_MAX_LENGTH}
        hint={iprHint}
        {...bind('iprPolicy', organization ? (organization.iprPolicy ?? '') : undefined)}
      />
      <TextField
        label="Official IPR policy (link)"
        optional
        type="url"
        pattern="https://.*"
        placeholder="https://"
        hint="Where the organization publishes its official policy: shown with the text on the submission form."
        {...bind('iprPolicyUrl', organization ? (organization.iprPolicyUrl ?? '') : undefined)}
      />
    </>
  );
}

function NameField({ bound }: { bound: FieldBinding }) {
  return <TextField label="Name" required maxLength={ORGANIZATION_NAME_MAX_LENGTH} {...bound} />;
}

export function CreateOrganizationForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  const bind = bindFields(state);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="create-org-title">
      <h2 id="create-org-title">Add an organization</h2>
      <FormMessage state={state} />
      <div className={styles.row}>
        <NameField bound={bind('name')} />
        <SlugField
          hint="Short, lowercase, permanent: e.g. “snia”. Used in addresses."
          {...bind('slug')}
        />
      </div>
      <OrganizationFields bind={bind} rows={3} />
      <SubmitRow pendingText="Adding…">Add organization</SubmitRow>
    </form>
  );
}

export function EditOrganizationForm({
  action,
  organization,
}: {
  action: FormAction;
  organization: EditableOrganization;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const bind = bindFields(state);
  const iprKnown = organization.iprPolicy !== undefined;
  const loginKnown = organization.passwordLogin !== undefined;
  const loginDefault =
    (state.status === 'error' ? state.values?.passwordLogin : undefined) ??
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
      <input type="hidden" name="original.iprPolicyUrl" value={organization.iprPolicyUrl ?? ''} />
      <input
        type="hidden"
        name="original.passwordLogin"
        value={loginKnown ? String(organization.passwordLogin) : ''}
      />
      <NameField bound={bind('name', organization.name)} />
      <OrganizationFields
        bind={bind}
        organization={organization}
        rows={4}
        iprHint={
          iprKnown
            ? IPR_HINT
            : 'The current policy could not be loaded: leave this empty to keep it, or enter a new one to replace it.'
        }
      />
      <fieldset className={styles.fieldset}>
        <legend>Password sign-in</legend>
        <p className={styles.hint}>
          Whether members may sign in with an e-mail address and password (rather than only through
          the organization’s identity provider).
        </p>
        {PASSWORD_LOGIN_CHOICES.filter((choice) => !loginKnown || choice.value !== 'keep').map(
          (choice) => (
            <label key={choice.value} className={styles.choice}>
              <input
                type="radio"
                name="passwordLogin"
                value={choice.value}
                defaultChecked={loginDefault === choice.value}
              />
              {choice.label}
            </label>
          ),
        )}
        {state.fieldErrors?.passwordLogin && (
          <p className={styles.fieldError}>{state.fieldErrors.passwordLogin}</p>
        )}
      </fieldset>
      <SubmitRow pendingText="Saving…">Save changes</SubmitRow>
    </form>
  );
}
