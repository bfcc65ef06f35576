'use client';

import {
  STATEMENT_BODY_MAX_LENGTH,
  STATEMENT_PURPOSES,
  STATEMENT_REFERENCE_MAX_LENGTH,
  STATEMENT_VISIBILITIES,
  type StatementPurpose,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import { type ReactNode, useActionState, useId, useState } from 'react';
import type { StatementFormState } from '../../app/statements/form-state';
import { IDLE } from '../../app/submissions/action-state';
import {
  PURPOSE_DESCRIPTIONS,
  PURPOSE_LABELS,
  STATEMENT_VISIBILITY_LABELS,
  type StatementFormValues,
} from '../../lib/statement-rules';
import { Choice, RadioChoices } from '../choice';
import { describedBy, FieldError, FormField } from '../field-error';
import { FormFooter } from '../form-footer';
import { OrganizationOptions } from '../select-options';

interface Party {
  slug: string;
  name: string;
}

export interface StatementFormProps {
  /** The save Server Action, with the register and the draft (or null for a new one) bound. */
  action: (state: StatementFormState, form: FormData) => Promise<StatementFormState>;
  initial: StatementFormValues;
  /** The parties the person may write for; the sender of a draft being edited never changes. */
  fromChoices: Party[];
  /** Every party of the register. */
  parties: Party[];
  submitLabel: string;
  cancelHref: string;
}

/** The draft form: who it goes to, why, by when, its text, references, contacts and readers. */
export function StatementForm({
  action,
  initial: given,
  fromChoices,
  parties,
  submitLabel,
  cancelHref,
}: StatementFormProps) {
  const id = useId();
  const [state, formAction, pending] = useActionState<StatementFormState, FormData>(action, IDLE);
  // After a refusal the fields show what was sent: a new key lets their defaults apply again.
  const initial = state.values ?? given;
  const [from, setFrom] = useState(initial.from || fromChoices[0]?.slug || '');
  const [purpose, setPurpose] = useState<StatementPurpose>(initial.purpose);
  const errors = state.fieldErrors ?? {};
  const receivers = parties.filter((party) => party.slug !== from);

  const field = (
    name: keyof StatementFormValues,
    label: string,
    control: ReactNode,
    hint?: string,
  ) => (
    <FormField formId={id} errors={errors} name={name} label={label} hint={hint}>
      {control}
    </FormField>
  );
  const describe = (name: keyof StatementFormValues, hint = false) =>
    describedBy(id, errors, name, hint);

  return (
    <form
      key={state.attempt ?? 0}
      action={formAction}
      className="form statement-form"
      noValidate
      aria-busy={pending}
    >
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <fieldset className="fieldset" disabled={pending}>
        <legend>Where it goes</legend>
        {fromChoices.length > 1 ? (
          field(
            'from',
            'From',
            <select
              id={`${id}-from`}
              name="from"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            >
              <OrganizationOptions organizations={fromChoices} />
            </select>,
          )
        ) : (
          <p>
            From <strong>{fromChoices[0]?.name}</strong>
            <input type="hidden" name="from" value={from} />
          </p>
        )}
        <fieldset className="fieldset fieldset--plain" aria-describedby={describe('to')}>
          <legend className="field__label">To</legend>
          <div className="choice-list">
            {receivers.map((party) => (
              <Choice
                key={party.slug}
                type="checkbox"
                name="to"
                value={party.slug}
                defaultChecked={initial.to.includes(party.slug)}
                label={party.name}
              />
            ))}
          </div>
          <FieldError formId={id} errors={errors} name="to" />
        </fieldset>
        <fieldset className="fieldset fieldset--plain" aria-describedby={describe('purpose')}>
          <legend className="field__label">Purpose</legend>
          <div className="choice-list">
            <RadioChoices
              name="purpose"
              choices={STATEMENT_PURPOSES.map((value) => ({
                value,
                label: PURPOSE_LABELS[value],
                hint: PURPOSE_DESCRIPTIONS[value],
              }))}
              value={purpose}
              onChange={setPurpose}
            />
          </div>
          <FieldError formId={id} errors={errors} name="purpose" />
        </fieldset>
        {purpose !== 'information' &&
          field(
            'deadline',
            purpose === 'response' ? 'Deadline (optional)' : 'Deadline',
            <input
              id={`${id}-deadline`}
              type="date"
              name="deadline"
              defaultValue={initial.deadline}
              required={purpose !== 'response'}
              aria-invalid={errors.deadline ? true : undefined}
              aria-describedby={describe('deadline', true)}
              className="input--short"
            />,
            'The day the receivers are asked to answer by (UTC). Reminders go out before it.',
          )}
        {field(
          'refersTo',
          purpose === 'response' ? 'In response to' : 'Refers to (optional)',
          <textarea
            id={`${id}-refersTo`}
            name="refersTo"
            rows={2}
            defaultValue={initial.refersTo}
            aria-invalid={errors.refersTo ? true : undefined}
            aria-describedby={describe('refersTo', true)}
            className="input--mono"
          />,
          'The ids of earlier statements of this register, one per line. A response marks those it answers answered once sent.',
        )}
      </fieldset>

      <fieldset className="fieldset" disabled={pending}>
        <legend>The statement</legend>
        {field(
          'title',
          'Title',
          <input
            id={`${id}-title`}
            name="title"
            defaultValue={initial.title}
            maxLength={TITLE_MAX_LENGTH}
            required
            aria-required="true"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describe('title')}
          />,
        )}
        {field(
          'body',
          'Text',
          <textarea
            id={`${id}-body`}
            name="body"
            rows={14}
            defaultValue={initial.body}
            maxLength={STATEMENT_BODY_MAX_LENGTH}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describe('body', true)}
          />,
          'Markdown: **bold**, *italic*, lists, links. HTML is not shown.',
        )}
        {field(
          'senderReference',
          'Your reference (optional)',
          <input
            id={`${id}-senderReference`}
            name="senderReference"
            defaultValue={initial.senderReference}
            maxLength={STATEMENT_REFERENCE_MAX_LENGTH}
            aria-describedby={describe('senderReference', true)}
            className="input--short"
          />,
          'Your organization’s own number for it, e.g. OFA-LS-2026-004.',
        )}
        {field(
          'receiverReference',
          'Their reference (optional)',
          <input
            id={`${id}-receiverReference`}
            name="receiverReference"
            defaultValue={initial.receiverReference}
            maxLength={STATEMENT_REFERENCE_MAX_LENGTH}
            aria-describedby={describe('receiverReference', true)}
            className="input--short"
          />,
          'The receiver’s number, e.g. of the statement this one answers.',
        )}
      </fieldset>

      <fieldset className="fieldset" disabled={pending}>
        <legend>Contacts and readers</legend>
        {field(
          'responseContacts',
          'Response contacts (optional)',
          <textarea
            id={`${id}-responseContacts`}
            name="responseContacts"
            rows={3}
            defaultValue={initial.responseContacts}
            aria-invalid={errors.responseContacts ? true : undefined}
            aria-describedby={describe('responseContacts', true)}
          />,
          'Who the answer goes to: one “Name <address>” a line. Left empty, the register’s points of contact of your organization.',
        )}
        {field(
          'technicalContacts',
          'Technical contacts (optional)',
          <textarea
            id={`${id}-technicalContacts`}
            name="technicalContacts"
            rows={3}
            defaultValue={initial.technicalContacts}
            aria-invalid={errors.technicalContacts ? true : undefined}
            aria-describedby={describe('technicalContacts', true)}
          />,
          'Who answers questions about its content, one “Name <address>” a line.',
        )}
        <fieldset className="fieldset fieldset--plain">
          <legend className="field__label">Who may read it once sent</legend>
          <div className="choice-list">
            {STATEMENT_VISIBILITIES.map((choice) => (
              <Choice
                key={choice}
                type="radio"
                name="visibility"
                value={choice}
                defaultChecked={initial.visibility === choice}
                label={STATEMENT_VISIBILITY_LABELS[choice]}
              />
            ))}
          </div>
        </fieldset>
      </fieldset>

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
