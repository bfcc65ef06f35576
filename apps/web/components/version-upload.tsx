'use client';

import type { DocumentVersion } from '@liaison/core';
import { CHANGE_NOTE_MAX_LENGTH, VERSION_LABEL_MAX_LENGTH } from '@liaison/core';
import Link from 'next/link';
import { type FormEvent, useId, useRef, useState } from 'react';
import { versionLabelError } from '../lib/document-rules';
import { describeApiError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { startUpload } from '../lib/upload-client';
import { Fact } from './fact';
import { FileField } from './upload/dropzone';
import { FileUploadStatus, UploadAction } from './upload/upload-status';
import { useChosenFile } from './upload/use-chosen-file';
import { useUpload } from './upload/use-upload';

export interface VersionUploadProps {
  documentId: string;
  /** e.g. "DSP0266", for headings and messages. */
  documentIdentifier: string;
  /** Labels already used by this document: refused before any byte is sent. */
  existingLabels: string[];
  /** Where "View the document" goes (the document page). */
  documentHref: string;
}

export function VersionUpload({
  documentId,
  documentIdentifier,
  existingLabels,
  documentHref,
}: VersionUploadProps) {
  const [label, setLabel] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<{ label?: string; file?: string }>({});
  const upload = useUpload<{ ok: true; version: DocumentVersion }>();
  const { phase, uploading: busy, resultRef, start, reset } = upload;
  const labelRef = useRef<HTMLInputElement>(null);
  const chosenFile = useChosenFile({
    onChosen: () => {
      setErrors((current) => ({ ...current, file: undefined }));
      if (!busy) reset();
    },
    onSeveralDropped: () =>
      setErrors((current) => ({ ...current, file: 'Drop one file: each version is one file.' })),
  });
  const { file } = chosenFile;
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = label.trim();
    const found: { label?: string; file?: string } = {};
    const labelProblem = versionLabelError(trimmed);
    if (labelProblem) found.label = labelProblem;
    else if (existingLabels.includes(trimmed)) {
      found.label = `${documentIdentifier} already has a version ${trimmed}. Versions are never overwritten: choose a new label.`;
    }
    if (!file) found.file = 'Choose the file to upload.';
    setErrors(found);
    if (found.label) return labelRef.current?.focus();
    if (found.file || !file) return chosenFile.inputRef.current?.focus();

    const outcome = await start(
      file.size,
      (callbacks) =>
        startUpload(documentId, { label: trimmed, changeNote: changeNote.trim() }, file, callbacks),
      describeApiError,
    );
    if (
      !outcome.ok &&
      !outcome.aborted &&
      outcome.status !== 0 &&
      (outcome.code === 'duplicate_label' || outcome.code === 'invalid_label')
    ) {
      setErrors({ label: describeApiError(outcome) });
    }
  };

  const restart = () => {
    setLabel('');
    setChangeNote('');
    chosenFile.clear();
    setErrors({});
    reset();
    requestAnimationFrame(() => labelRef.current?.focus());
  };

  if (phase.kind === 'done') {
    const { version } = phase.result;
    return (
      <div ref={resultRef} className="notice notice--success upload-result" tabIndex={-1}>
        <h2 className="notice__title">
          Version {version.label} of {documentIdentifier} is stored
        </h2>
        <dl className="facts facts--stacked">
          <Fact term="File">{version.filename}</Fact>
          {version.changeNote && (
            <div>
              <dt>What changed</dt>
              <dd className="change-note">{version.changeNote}</dd>
            </div>
          )}
          <Fact term="Size">
            {formatBytes(version.size)}
            {/* The exact count only where the short form rounds ("1.5 MiB"), not "611 bytes (611 bytes)". */}
            {version.size >= 1024 && (
              <>
                {' '}
                <span className="muted">({version.size.toLocaleString('en-GB')} bytes)</span>
              </>
            )}
          </Fact>
          <div>
            <dt id={`${id}-sha-label`}>SHA-256 checksum</dt>
            <dd>
              <output aria-labelledby={`${id}-sha-label`} className="checksum">
                {version.sha256}
              </output>
            </dd>
          </div>
        </dl>
        <p className="field__hint">
          Computed by Liaison while storing the file. Compare it with your copy (for example with{' '}
          <code>sha256sum</code>) to be sure every byte arrived.
        </p>
        <div className="form__actions">
          <Link className="button" href={documentHref}>
            View the document
          </Link>
          <button type="button" className="button button--secondary" onClick={restart}>
            Upload another version
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="form upload-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="field" data-field="label">
        <label htmlFor={`${id}-label`}>Version label</label>
        <input
          ref={labelRef}
          id={`${id}-label`}
          name="label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          disabled={busy}
          autoComplete="off"
          spellCheck={false}
          maxLength={VERSION_LABEL_MAX_LENGTH}
          required
          aria-required="true"
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={`${errors.label ? `${id}-label-error ` : ''}${id}-label-hint`}
          className="input--mono input--short"
        />
        <p id={`${id}-label-hint`} className="field__hint">
          For example 1.0.0 or 0.9a. A version is never overwritten: each upload gets a new label.
          {existingLabels.length > 0 && <> Existing: {existingLabels.slice(0, 6).join(', ')}.</>}
        </p>
        {errors.label && (
          <p id={`${id}-label-error`} className="field__error">
            {errors.label}
          </p>
        )}
      </div>

      <div className="field" data-field="changeNote">
        <label htmlFor={`${id}-note`}>
          What changed <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          name="changeNote"
          value={changeNote}
          onChange={(event) => setChangeNote(event.target.value)}
          disabled={busy}
          rows={3}
          maxLength={CHANGE_NOTE_MAX_LENGTH}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="field__hint">
          A short change note, shown with the version and sent to the people who follow the
          document. At most {CHANGE_NOTE_MAX_LENGTH} characters.
        </p>
      </div>

      <FileField formId={id} label="File" chosen={chosenFile} disabled={busy} error={errors.file} />

      <FileUploadStatus
        upload={upload}
        formId={id}
        file={file}
        cancelledText="Nothing was stored. You can start again when you are ready."
      />

      <div className="form__actions">
        <UploadAction upload={upload} submitLabel="Upload" />
        {!busy && (
          <Link className="button button--secondary" href={documentHref}>
            Back to the document
          </Link>
        )}
      </div>
    </form>
  );
}
