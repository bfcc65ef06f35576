'use client';

import {
  DOCUMENT_IDENTIFIER_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  VERSION_LABEL_MAX_LENGTH,
} from '@liaison/core';
import { useActionState, useId } from 'react';
import { IDLE, type SubmissionActionState } from '../../app/submissions/action-state';
import { describedBy, FieldError } from '../field-error';
import { FormFooter } from '../form-footer';

type Action = (state: SubmissionActionState, form: FormData) => Promise<SubmissionActionState>;

function FormError({ state }: { state: SubmissionActionState }) {
  if (state.status !== 'error') return null;
  return (
    <p className="form-error" role="alert">
      {state.message}
    </p>
  );
}

/** "Turn it into a document": a new document of the receiving organization from one file. */
export function CreateDocumentForm({
  action,
  files,
  defaultTitle,
  organizationName,
}: {
  action: Action;
  files: { id: string; filename: string }[];
  defaultTitle: string;
  organizationName: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} className="form">
      <FormError state={state} />
      <div className="field">
        <label htmlFor={`${id}-fileId`}>File that becomes the first version</label>
        <select
          id={`${id}-fileId`}
          name="fileId"
          defaultValue={files[0]?.id}
          aria-invalid={errors.fileId ? true : undefined}
          aria-describedby={describedBy(id, errors, 'fileId')}
        >
          {files.map((file) => (
            <option key={file.id} value={file.id}>
              {file.filename}
            </option>
          ))}
        </select>
        <FieldError formId={id} errors={errors} name="fileId" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-identifier`}>Identifier</label>
        <input
          id={`${id}-identifier`}
          name="identifier"
          className="input--mono input--short"
          required
          aria-required="true"
          maxLength={DOCUMENT_IDENTIFIER_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors.identifier ? true : undefined}
          aria-describedby={describedBy(id, errors, 'identifier', true)}
        />
        <p id={`${id}-identifier-hint`} className="field__hint">
          Unique within {organizationName}, for example DSP0299.
        </p>
        <FieldError formId={id} errors={errors} name="identifier" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          name="title"
          defaultValue={defaultTitle}
          maxLength={TITLE_MAX_LENGTH}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy(id, errors, 'title')}
        />
        <FieldError formId={id} errors={errors} name="title" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-versionLabel`}>
          Version label<span className="field__optional"> (optional)</span>
        </label>
        <input
          id={`${id}-versionLabel`}
          name="versionLabel"
          className="input--mono input--short"
          maxLength={VERSION_LABEL_MAX_LENGTH}
          placeholder="1"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors.versionLabel ? true : undefined}
          aria-describedby={describedBy(id, errors, 'versionLabel', true)}
        />
        <p id={`${id}-versionLabel-hint`} className="field__hint">
          The new document is a work in progress, visible to {organizationName} only; share or
          release it from its page.
        </p>
        <FieldError formId={id} errors={errors} name="versionLabel" />
      </div>
      <FormFooter pending={pending} submitLabel="Create the document" pendingLabel="Creating…" />
    </form>
  );
}

/** "Link it to a document": one the receiving organization already has. */
export function LinkDocumentForm({
  action,
  documents,
}: {
  action: Action;
  documents: { id: string; identifier: string; title: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const error = errors.document;
  return (
    <form action={formAction} className="form">
      {state.status === 'error' && !error && <FormError state={state} />}
      <div className="field">
        <label htmlFor={`${id}-document`}>Document</label>
        <select
          id={`${id}-document`}
          name="document"
          required
          aria-required="true"
          defaultValue=""
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, errors, 'document')}
        >
          <option value="" disabled>
            Choose a document…
          </option>
          {documents.map((document) => (
            <option key={document.id} value={document.id}>
              {document.identifier}: {document.title}
            </option>
          ))}
        </select>
        <FieldError formId={id} errors={errors} name="document" />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={pending}>
          {pending ? 'Linking…' : 'Link the document'}
        </button>
      </div>
    </form>
  );
}
