'use client';

import {
  DOCUMENT_IDENTIFIER_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  VERSION_LABEL_MAX_LENGTH,
} from '@liaison/core';
import { useActionState, useId } from 'react';
import { IDLE, type SubmissionActionState } from '../../app/submissions/action-state';
import { FormField, fieldControl } from '../field-error';
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
      <FormField
        formId={id}
        errors={errors}
        name="fileId"
        label="File that becomes the first version"
      >
        <select name="fileId" defaultValue={files[0]?.id} {...fieldControl(id, errors, 'fileId')}>
          {files.map((file) => (
            <option key={file.id} value={file.id}>
              {file.filename}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        formId={id}
        errors={errors}
        name="identifier"
        label="Identifier"
        hint={`Unique within ${organizationName}, for example DSP0299.`}
      >
        <input
          name="identifier"
          className="input--mono input--short"
          required
          aria-required="true"
          maxLength={DOCUMENT_IDENTIFIER_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          {...fieldControl(id, errors, 'identifier', true)}
        />
      </FormField>
      <FormField formId={id} errors={errors} name="title" label="Title">
        <input
          name="title"
          defaultValue={defaultTitle}
          maxLength={TITLE_MAX_LENGTH}
          {...fieldControl(id, errors, 'title')}
        />
      </FormField>
      <FormField
        formId={id}
        errors={errors}
        name="versionLabel"
        label="Version label"
        optional
        hint={`The new document is a work in progress, visible to ${organizationName} only; share or release it from its page.`}
      >
        <input
          name="versionLabel"
          className="input--mono input--short"
          maxLength={VERSION_LABEL_MAX_LENGTH}
          placeholder="1"
          autoComplete="off"
          spellCheck={false}
          {...fieldControl(id, errors, 'versionLabel', true)}
        />
      </FormField>
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
      <FormField formId={id} errors={errors} name="document" label="Document">
        <select
          name="document"
          required
          aria-required="true"
          defaultValue=""
          {...fieldControl(id, errors, 'document')}
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
      </FormField>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={pending}>
          {pending ? 'Linking…' : 'Link the document'}
        </button>
      </div>
    </form>
  );
}
