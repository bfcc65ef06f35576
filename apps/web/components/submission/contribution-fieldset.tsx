'use client';

import {
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import type { ReactNode } from 'react';
import type { SubmissionFieldErrors } from '../../lib/submission-rules';
import { FormField, fieldControl } from '../field-error';
import { type ChosenFiles, ChosenFilesField } from './chosen-files';

interface ContributionFieldsetProps {
  formId: string;
  toName: string;
  title: string;
  onTitle: (title: string) => void;
  description: string;
  onDescription: (description: string) => void;
  chosenFiles: ChosenFiles;
  errors: SubmissionFieldErrors;
  disabled: boolean;
  /** Liaison documents to attach, next to the files to upload. */
  attachField?: ReactNode;
}

/** What is submitted: its title, description and files. */
export function ContributionFieldset({
  formId: id,
  toName,
  title,
  onTitle,
  description,
  onDescription,
  chosenFiles,
  errors,
  disabled,
  attachField,
}: ContributionFieldsetProps) {
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>The contribution</legend>
      <FormField formId={id} errors={errors} name="title" label="Title">
        <input
          value={title}
          onChange={(event) => onTitle(event.target.value)}
          maxLength={TITLE_MAX_LENGTH}
          required
          aria-required="true"
          {...fieldControl(id, errors, 'title')}
        />
      </FormField>
      <FormField
        formId={id}
        errors={errors}
        name="description"
        label="Description"
        optional
        hint={`What it is, and which of ${toName}’s work it contributes to.`}
      >
        <textarea
          value={description}
          onChange={(event) => onDescription(event.target.value)}
          rows={6}
          maxLength={SUBMISSION_DESCRIPTION_MAX_LENGTH}
          {...fieldControl(id, errors, 'description', true)}
        />
      </FormField>

      <ChosenFilesField
        formId={id}
        label="Files"
        hint={`or drag and drop them here (up to ${SUBMISSION_MAX_FILES})`}
        chosen={chosenFiles}
        disabled={disabled}
        error={errors.files}
      />
      {attachField}
    </fieldset>
  );
}
