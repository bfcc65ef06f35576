'use client';

import type { DocumentStatus } from '@liaison/core';
import { DOCUMENT_IDENTIFIER_MAX_LENGTH, TITLE_MAX_LENGTH } from '@liaison/core';
import { type FormEvent, useActionState, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ActionState, IDLE } from '../app/documents/action-state';
import {
  audienceText,
  type Choices,
  type DocumentFields,
  documentFieldErrors,
  type FieldErrors,
  identifierError,
  NO_CHOICES,
  registersOf,
} from '../lib/document-rules';
import { STATUS_LABELS, VISIBILITY_DESCRIPTIONS, VISIBILITY_LABELS } from '../lib/format';
import { FormFooter } from './form-footer';
import { LabelledOptions } from './select-options';

export interface RegisterOption {
  slug: string;
  title: string;
  parties: { organization: string; name: string }[];
}

export interface OrganizationOption {
  slug: string;
  name: string;
  role: 'member' | 'editor' | 'admin';
  /** What a new document of this organization may start as, from core's policy. */
  choices: Choices;
}

/** The form's values: the document's fields with its owner and identifier. */
export interface DocumentFormValues extends DocumentFields {
  organization: string;
  identifier: string;
}

export interface DocumentFormProps {
  mode: 'create' | 'edit';
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  initial: DocumentFormValues;
  registers: RegisterOption[];
  /** Create: where the viewer may add documents. */
  organizations?: OrganizationOption[];
  /** Edit: what this user may choose for this document. */
  choices?: Choices;
  /** Edit: the owner organization's name (create: the chosen organization's). */
  ownerName?: string;
  submitLabel: string;
  cancelHref: string;
  onSuccess?: (state: ActionState) => void;
}

export function DocumentForm({
  mode,
  action,
  initial,
  registers,
  organizations = [],
  choices: editChoices,
  ownerName,
  submitLabel,
  cancelHref,
  onSuccess,
}: DocumentFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [values, setValues] = useState<DocumentFormValues>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const owner = organizations.find((org) => org.slug === values.organization);
  const choices = useMemo(
    () => (mode === 'create' ? (owner?.choices ?? NO_CHOICES) : (editChoices ?? NO_CHOICES)),
    [mode, owner, editChoices],
  );
  const available = useMemo(
    () => (mode === 'create' ? registersOf(registers, values.organization) : registers),
    [mode, registers, values.organization],
  );
  const errors: FieldErrors = clientErrors ?? state.fieldErrors ?? {};
  const audience = audienceText(
    { slug: values.organization, name: owner?.name ?? ownerName ?? values.organization },
    values.visibility,
    available.filter((register) => values.registers.includes(register.slug)),
  );

  useEffect(() => {
    if (state.status === 'success') onSuccess?.(state);
    if (state.status === 'error') {
      setClientErrors(null);
      summaryRef.current?.focus();
    }
  }, [state, onSuccess]);

  // Keep status and visibility within what the chosen organization's role allows.
  useEffect(() => {
    setValues((current) => {
      const status = choices.statuses.includes(current.status)
        ? current.status
        : (choices.statuses[0] ?? current.status);
      const visibility = choices.visibilities.includes(current.visibility)
        ? current.visibility
        : (choices.visibilities[0] ?? current.visibility);
      const registersKept = current.registers.filter((slug) =>
        available.some((register) => register.slug === slug),
      );
      if (
        status === current.status &&
        visibility === current.visibility &&
        registersKept.length === current.registers.length
      ) {
        return current;
      }
      return { ...current, status, visibility, registers: registersKept };
    });
  }, [choices.statuses, choices.visibilities, available]);

  const set = <K extends keyof DocumentFormValues>(key: K, value: DocumentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const validate = (event: FormEvent<HTMLFormElement>) => {
    const found = documentFieldErrors(
      { ...values, title: values.title.trim(), abstract: values.abstract },
      choices,
      available.map((register) => register.slug),
    );
    if (mode === 'create') {
      const identifier = identifierError(values.identifier.trim());
      if (identifier) found.identifier = identifier;
      if (!owner) {
        found.organization = 'Choose an organization where you are an editor or admin.';
      }
    }
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setClientErrors(found);
      // Focus the first field in page order that needs attention.
      requestAnimationFrame(() => {
        const fields = formRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [];
        const first = [...fields].find(
          (field) => field.dataset.field && found[field.dataset.field],
        );
        first?.querySelector<HTMLElement>('input, select, textarea')?.focus();
      });
      return;
    }
    setClientErrors(null);
  };

  const fieldProps = (name: string) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [errors[name] ? `${id}-${name}-error` : '', `${id}-${name}-hint`]
      .filter(Boolean)
      .join(' '),
  });
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field__error">
        {errors[name]}
      </p>
    ) : null;

  const showSummary = state.status === 'error' && !clientErrors;
  return (
    <form ref={formRef} action={formAction} onSubmit={validate} noValidate className="form">
      {showSummary && (
        <div ref={summaryRef} className="notice notice--error" role="alert" tabIndex={-1}>
          <p className="notice__title">{state.message}</p>
        </div>
      )}
      {clientErrors && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Check the fields marked below.</p>
        </div>
      )}

      {mode === 'create' && (
        <>
          <div className="field" data-field="organization">
            <label htmlFor={`${id}-organization`}>Owner organization</label>
            <select
              {...fieldProps('organization')}
              name="organization"
              value={values.organization}
              onChange={(event) => set('organization', event.target.value)}
            >
              {organizations.map((org) => (
                <option key={org.slug} value={org.slug}>
                  {org.name} ({org.role})
                </option>
              ))}
            </select>
            <p id={`${id}-organization-hint`} className="field__hint">
              The document belongs to this organization; its editors and admins manage it.
            </p>
            {errorText('organization')}
          </div>
          <div className="field" data-field="identifier">
            <label htmlFor={`${id}-identifier`}>Identifier</label>
            <input
              {...fieldProps('identifier')}
              name="identifier"
              value={values.identifier}
              onChange={(event) => set('identifier', event.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={DOCUMENT_IDENTIFIER_MAX_LENGTH}
              required
              aria-required="true"
              className="input--mono input--short"
            />
            <p id={`${id}-identifier-hint`} className="field__hint">
              Unique within the organization, for example DSP0266. It cannot be changed later.
            </p>
            {errorText('identifier')}
          </div>
        </>
      )}

      <div className="field" data-field="title">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          {...fieldProps('title')}
          name="title"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          maxLength={TITLE_MAX_LENGTH}
          required
          aria-required="true"
        />
        <p id={`${id}-title-hint`} className="field__hint">
          Up to {TITLE_MAX_LENGTH} characters.
        </p>
        {errorText('title')}
      </div>

      <div className="field" data-field="abstract">
        <label htmlFor={`${id}-abstract`}>
          Abstract <span className="field__optional">(optional)</span>
        </label>
        <textarea
          {...fieldProps('abstract')}
          name="abstract"
          rows={5}
          value={values.abstract}
          onChange={(event) => set('abstract', event.target.value)}
        />
        <p id={`${id}-abstract-hint`} className="field__hint">
          What the document is about; searched together with the identifier and title.
        </p>
        {errorText('abstract')}
      </div>

      <div className="field" data-field="status">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          {...fieldProps('status')}
          name="status"
          value={values.status}
          onChange={(event) => set('status', event.target.value as DocumentStatus)}
        >
          <LabelledOptions values={choices.statuses} labels={STATUS_LABELS} />
        </select>
        <p id={`${id}-status-hint`} className="field__hint">
          {choices.statuses.includes('standard')
            ? 'Released documents are public and informational or standard.'
            : 'Marking a document as a standard is for admins of its organization.'}
        </p>
        {errorText('status')}
      </div>

      <fieldset className="field fieldset" data-field="visibility">
        <legend>Who can see it</legend>
        <div className="choice-list">
          {choices.visibilities.map((visibility) => (
            <label key={visibility} className="choice">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
                onChange={() => set('visibility', visibility)}
                aria-describedby={`${id}-visibility-${visibility}`}
              />
              <span>
                <span className="choice__label">{VISIBILITY_LABELS[visibility]}</span>
                <span id={`${id}-visibility-${visibility}`} className="choice__hint">
                  {VISIBILITY_DESCRIPTIONS[visibility]}
                </span>
              </span>
            </label>
          ))}
        </div>
        {!choices.visibilities.includes('public') && (
          <p className="field__hint">Releasing a document to the public is for admins.</p>
        )}
        {errors.visibility && <p className="field__error">{errors.visibility}</p>}
      </fieldset>

      <div className="field" data-field="watermark">
        <label className="choice">
          <input
            type="checkbox"
            name="watermark"
            checked={values.watermark}
            onChange={(event) => set('watermark', event.target.checked)}
            aria-describedby={`${id}-watermark-hint`}
          />
          <span>
            <span className="choice__label">Watermark PDFs</span>
            <span id={`${id}-watermark-hint`} className="choice__hint">
              Readers outside the owner organization get PDFs stamped on every page with their name,
              organization, e-mail, the date and a download id. Never for public documents.
            </span>
          </span>
        </label>
        {errors.watermark && <p className="field__error">{errors.watermark}</p>}
      </div>

      <fieldset className="field fieldset" data-field="registers">
        <legend>Shared under work registers</legend>
        {available.length === 0 ? (
          <p className="field__hint">
            {mode === 'create'
              ? 'The chosen organization is not a party of any work register.'
              : 'The owner organization is not a party of any work register.'}
          </p>
        ) : (
          <div className="choice-list">
            {available.map((register) => (
              <label key={register.slug} className="choice">
                <input
                  type="checkbox"
                  name="registers"
                  value={register.slug}
                  checked={values.registers.includes(register.slug)}
                  onChange={(event) =>
                    set(
                      'registers',
                      event.target.checked
                        ? [...values.registers, register.slug]
                        : values.registers.filter((slug) => slug !== register.slug),
                    )
                  }
                />
                <span>
                  <span className="choice__label">{register.title}</span>
                  <span className="choice__hint">
                    With {register.parties.map((party) => party.name).join(' and ')}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        <p className="field__hint">
          With visibility “Partners”, members of every party of these registers can read it.
        </p>
        {errors.registers && <p className="field__error">{errors.registers}</p>}
      </fieldset>

      <p
        className={audience.problem ? 'notice notice--error' : 'notice notice--info'}
        aria-live="polite"
        data-testid="document-audience"
      >
        {audience.text}
      </p>

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
