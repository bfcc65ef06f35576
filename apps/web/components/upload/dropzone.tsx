'use client';

import { type ReactNode, type RefObject, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { OutlineIcon } from '../outline-icon';
import type { ChosenFile } from './use-chosen-file';

interface DropzoneProps {
  inputRef: RefObject<HTMLInputElement | null>;
  inputId: string;
  name?: string;
  multiple?: boolean;
  disabled: boolean;
  /** The id of the field's error message, when it shows one. */
  errorId: string | undefined;
  statusId: string;
  title: string;
  hint: string;
  /** What is chosen so far, announced politely. */
  status: ReactNode;
  /** Files chosen with the file picker or dropped on the zone. */
  onFiles: (files: FileList | null | undefined, how: 'chosen' | 'dropped') => void;
}

/** A file input that also takes files dragged and dropped onto it. */
export function Dropzone({
  inputRef,
  inputId,
  name,
  multiple,
  disabled,
  errorId,
  statusId,
  title,
  hint,
  status,
  onFiles,
}: DropzoneProps) {
  const [dragging, setDragging] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the labelled file input inside is what keyboards and screen readers use
    <div
      className={`dropzone${dragging ? ' dropzone--active' : ''}${errorId ? ' dropzone--invalid' : ''}${disabled ? ' dropzone--disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (!disabled) onFiles(event.dataTransfer.files, 'dropped');
      }}
    >
      <input
        ref={inputRef}
        id={inputId}
        name={name}
        type="file"
        multiple={multiple}
        className="dropzone__input"
        disabled={disabled}
        onChange={(event) => onFiles(event.target.files, 'chosen')}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={`${errorId ? `${errorId} ` : ''}${statusId}`}
      />
      <label htmlFor={inputId} className="dropzone__label">
        <OutlineIcon className="dropzone__icon" viewBox="0 0 24 24" size={32}>
          <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
        </OutlineIcon>
        <span className="dropzone__title">{title}</span>
        <span className="dropzone__hint">{hint}</span>
      </label>
      <p id={statusId} className="dropzone__file" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/**
 * A dropzone for one file, sent as `file`, fed `useChosenFile()` whole: its title and status say
 * which file is chosen.
 */
export function FileDropzone({
  chosen: { file, inputRef, choose },
  hint = 'or drag and drop it here',
  ...props
}: Omit<
  DropzoneProps,
  'name' | 'multiple' | 'title' | 'hint' | 'status' | 'inputRef' | 'onFiles'
> & {
  chosen: ChosenFile;
  hint?: string;
}) {
  return (
    <Dropzone
      {...props}
      inputRef={inputRef}
      onFiles={choose}
      name="file"
      title={file ? 'Choose a different file' : 'Choose a file'}
      hint={hint}
      status={
        file ? (
          <>
            <span className="visually-hidden">Selected file: </span>
            <strong>{file.name}</strong> · {formatBytes(file.size)}
          </>
        ) : (
          'No file chosen'
        )
      }
    />
  );
}

interface DropzoneFieldProps {
  /** The form's `useId()`, which the field's ids are made of. */
  formId: string;
  label: string;
  error: string | null | undefined;
}

/**
 * A form's field of files, named `name`: its heading, `children` (the dropzone, given the ids
 * `dropzoneIds` makes, and anything under it) and the field's error.
 */
export function DropzoneField({
  formId,
  name,
  label,
  error,
  children,
}: DropzoneFieldProps & { name: string; children: ReactNode }) {
  return (
    <div className="field" data-field={name}>
      <span className="field__label" id={`${formId}-${name}-heading`}>
        {label}
      </span>
      {children}
      {error && (
        <p id={`${formId}-${name}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The ids of the dropzone in the `DropzoneField` named `name`. */
export function dropzoneIds(
  formId: string,
  name: string,
  error: string | null | undefined,
): Pick<DropzoneProps, 'inputId' | 'errorId' | 'statusId'> {
  return {
    inputId: `${formId}-${name}`,
    errorId: error ? `${formId}-${name}-error` : undefined,
    statusId: `${formId}-${name}-status`,
  };
}

/** A form's one-file field: its heading, a dropzone for the file and the field's error. */
export function FileField({
  formId,
  label,
  error,
  ...props
}: Omit<Parameters<typeof FileDropzone>[0], 'inputId' | 'errorId' | 'statusId' | 'hint'> &
  DropzoneFieldProps) {
  return (
    <DropzoneField formId={formId} name="file" label={label} error={error}>
      <FileDropzone {...props} {...dropzoneIds(formId, 'file', error)} />
    </DropzoneField>
  );
}
