'use client';

import {
  REGISTER_TEXT_MAX_LENGTH,
  REGISTER_VERSION_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import { useActionState, useId } from 'react';
import type { RegisterFields } from '../../lib/register-form';
import styles from './admin.module.css';
import {
  bindFields,
  FormMessage,
  SelectField,
  SlugField,
  SubmitRow,
  TextAreaField,
  TextField,
} from './form-parts';
import { type FormAction, IDLE } from './form-state';
import { RegisterSectionsEditor } from './register-sections-editor';

const STATE_OPTIONS = [
  { value: 'draft', label: 'Draft' },
  { value: 'approved', label: 'Approved (public)' },
];

/**
 * Create (no `register`) or edit a work register, with its parties; editing also covers every text
 * section (benefits, activities, limitations, access), each item a paragraph.
 */
export function RegisterForm({
  action,
  register,
  organizations,
}: {
  action: FormAction;
  register?: RegisterFields;
  organizations: readonly { slug: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const failed = state.status === 'error';
  const v = failed ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const bind = bindFields(state);
  const editing = register !== undefined;
  const id = useId();

  // Current parties first, in their order; then every other organization.
  const partyOrder = register?.parties.map((p) => p.organization) ?? [];
  const ordered = [
    ...partyOrder.flatMap((slug) => {
      const org = organizations.find((o) => o.slug === slug);
      return [org ?? { slug, name: slug }];
    }),
    ...organizations.filter((o) => !partyOrder.includes(o.slug)),
  ];
  const selected = failed
    ? new Set(
        Object.keys(v)
          .filter((k) => k.startsWith('party@'))
          .map((k) => k.slice(6)),
      )
    : new Set(partyOrder);

  return (
    <form action={formAction} className={`${styles.form} ${styles.formWide}`}>
      <FormMessage state={state} />
      {editing && (
        <>
          <input type="hidden" name="slug" value={register.slug} />
          <input
            type="hidden"
            name="original"
            value={JSON.stringify({ ...register, slug: undefined })}
          />
        </>
      )}
      <div className={styles.row}>
        <TextField
          label="Title"
          required
          maxLength={TITLE_MAX_LENGTH}
          {...bind('title', register?.title)}
        />
        {!editing && (
          <SlugField hint="Lowercase and permanent, e.g. “ofa-dmtf”." {...bind('slug')} />
        )}
      </div>
      <div className={styles.row}>
        <TextField
          label="Version"
          optional
          maxLength={REGISTER_VERSION_MAX_LENGTH}
          {...bind('version', register?.version)}
        />
        <SelectField
          label="State"
          options={STATE_OPTIONS}
          hint="Drafts are visible to the parties only."
          {...bind('state', register?.state ?? 'draft')}
        />
        <TextField
          label="Initiated on"
          type="date"
          optional
          {...bind('initiatedOn', register?.initiatedOn ?? '')}
        />
        <TextField
          label="Review due"
          type="date"
          optional
          {...bind('reviewDue', register?.reviewDue ?? '')}
        />
      </div>
      <TextAreaField label="Summary" optional rows={4} {...bind('summary', register?.summary)} />
      <TextAreaField
        label="Review process"
        optional
        rows={2}
        hint="E.g. “DSP4003”, with a link to the process document."
        {...bind('reviewProcess', register?.reviewProcess)}
      />
      <fieldset
        className={styles.fieldset}
        aria-describedby={errors.parties ? `${id}-parties-error` : undefined}
      >
        <legend>Parties</legend>
        <p className={styles.hint}>
          Tick each organization that is party to the register and describe its role. Members of the
          parties see the register while it is a draft and the partner documents shared under it.
        </p>
        {ordered.map((org) => {
          const description =
            v[`partyDescription.${org.slug}`] ??
            register?.parties.find((p) => p.organization === org.slug)?.description ??
            '';
          return (
            <div key={org.slug} className={styles.row} style={{ alignItems: 'center' }}>
              <label className={styles.choice}>
                <input
                  type="checkbox"
                  name="party"
                  value={org.slug}
                  defaultChecked={selected.has(org.slug)}
                />
                {org.name}
              </label>
              <div className={styles.field}>
                <label className="visually-hidden" htmlFor={`${id}-desc-${org.slug}`}>
                  Role of {org.name} in the register
                </label>
                <textarea
                  id={`${id}-desc-${org.slug}`}
                  name={`partyDescription.${org.slug}`}
                  className={styles.textarea}
                  rows={2}
                  placeholder="Its role in this register"
                  maxLength={REGISTER_TEXT_MAX_LENGTH}
                  defaultValue={description}
                />
              </div>
            </div>
          );
        })}
        {errors.parties && (
          <p className={styles.fieldError} id={`${id}-parties-error`}>
            {errors.parties}
          </p>
        )}
      </fieldset>
      {register?.sections && (
        <RegisterSectionsEditor
          sections={register.sections}
          parties={ordered.filter((org) => partyOrder.includes(org.slug))}
          bind={bind}
          submitted={failed ? v : undefined}
        />
      )}
      <SubmitRow pendingText={editing ? 'Saving…' : 'Creating…'}>
        {editing ? 'Save changes' : 'Create register'}
      </SubmitRow>
    </form>
  );
}
