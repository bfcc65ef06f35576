'use client';

import type { DocumentVersion } from '@liaison/core';
import { VERSION_LABEL_MAX_LENGTH } from '@liaison/core';
import Link from 'next/link';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { versionLabelError } from '../lib/document-rules';
import { describeApiError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { startUpload, type UploadHandle } from '../lib/upload-client';
import { UploadProgress } from './upload-progress';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; loaded: number; total: number }
  | { kind: 'storing'; total: number }
  | { kind: 'done'; version: DocumentVersion }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

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
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [errors, setErrors] = useState<{ label?: string; file?: string }>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const upload = useRef<UploadHandle | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const busy = phase.kind === 'sending' || phase.kind === 'storing';

  // Leaving the page mid-upload would silently cancel it: ask first.
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  useEffect(() => () => upload.current?.abort(), []);

  useEffect(() => {
    if (phase.kind === 'done' || phase.kind === 'failed' || phase.kind === 'cancelled') {
      resultRef.current?.focus();
    }
  }, [phase.kind]);

  const choose = (chosen: File | null | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setErrors((current) => ({ ...current, file: undefined }));
    if (phase.kind !== 'sending' && phase.kind !== 'storing') setPhase({ kind: 'idle' });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const files = event.dataTransfer.files;
    if (files.length > 1) {
      setErrors((current) => ({ ...current, file: 'Drop one file: each version is one file.' }));
      return;
    }
    choose(files[0]);
  };

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
    if (found.file || !file) return fileRef.current?.focus();

    setPhase({ kind: 'sending', loaded: 0, total: file.size });
    const handle = startUpload(documentId, trimmed, file, {
      onProgress: (loaded, total) =>
        setPhase((current) =>
          current.kind === 'sending' ? { kind: 'sending', loaded, total } : current,
        ),
      onSent: () =>
        setPhase((current) =>
          current.kind === 'sending' ? { kind: 'storing', total: current.total } : current,
        ),
    });
    upload.current = handle;
    const outcome = await handle.done;
    upload.current = null;
    if (outcome.ok) {
      setPhase({ kind: 'done', version: outcome.version });
    } else if (outcome.aborted) {
      setPhase({ kind: 'cancelled' });
    } else {
      const message =
        outcome.status === 0
          ? 'The upload was interrupted: the connection to Liaison failed. Check your connection and try again.'
          : describeApiError(outcome);
      if (outcome.code === 'duplicate_label' || outcome.code === 'invalid_label') {
        setErrors({ label: message });
      }
      setPhase({ kind: 'failed', message });
    }
  };

  const restart = () => {
    setLabel('');
    setFile(null);
    setErrors({});
    setPhase({ kind: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
    requestAnimationFrame(() => labelRef.current?.focus());
  };

  if (phase.kind === 'done') {
    const { version } = phase;
    return (
      <div ref={resultRef} className="notice notice--success upload-result" tabIndex={-1}>
        <h2 className="notice__title">
          Version {version.label} of {documentIdentifier} is stored
        </h2>
        <dl className="facts facts--stacked">
          <div>
            <dt>File</dt>
            <dd>{version.filename}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>
              {formatBytes(version.size)}{' '}
              <span className="muted">({version.size.toLocaleString('en-GB')} bytes)</span>
            </dd>
          </div>
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

      <div className="field" data-field="file">
        <span className="field__label" id={`${id}-file-heading`}>
          File
        </span>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the labelled file input inside is what keyboards and screen readers use */}
        <div
          className={`dropzone${dragging ? ' dropzone--active' : ''}${errors.file ? ' dropzone--invalid' : ''}${busy ? ' dropzone--disabled' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={fileRef}
            id={`${id}-file`}
            name="file"
            type="file"
            className="dropzone__input"
            disabled={busy}
            onChange={(event) => choose(event.target.files?.[0])}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${errors.file ? `${id}-file-error ` : ''}${id}-file-status`}
          />
          <label htmlFor={`${id}-file`} className="dropzone__label">
            <svg
              className="dropzone__icon"
              viewBox="0 0 24 24"
              width="32"
              height="32"
              aria-hidden="true"
              focusable="false"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
            </svg>
            <span className="dropzone__title">
              {file ? 'Choose a different file' : 'Choose a file'}
            </span>
            <span className="dropzone__hint">or drag and drop it here</span>
          </label>
          <p id={`${id}-file-status`} className="dropzone__file" aria-live="polite">
            {file ? (
              <>
                <span className="visually-hidden">Selected file: </span>
                <strong>{file.name}</strong> · {formatBytes(file.size)}
              </>
            ) : (
              'No file chosen'
            )}
          </p>
        </div>
        {errors.file && (
          <p id={`${id}-file-error`} className="field__error">
            {errors.file}
          </p>
        )}
      </div>

      {busy && (
        <UploadProgress
          labelId={`${id}-progress-label`}
          label={
            phase.kind === 'storing'
              ? 'Sent. Liaison is storing the file and computing its checksum…'
              : `Uploading ${file?.name ?? 'the file'}`
          }
          fileBytes={file?.size ?? 0}
          sent={phase.kind === 'sending' ? phase : null}
          finishing={phase.kind === 'storing'}
        />
      )}

      {(phase.kind === 'failed' || phase.kind === 'cancelled') && (
        <div
          ref={resultRef}
          tabIndex={-1}
          role="alert"
          className={`notice ${phase.kind === 'failed' ? 'notice--error' : 'notice--info'}`}
        >
          <p className="notice__title">
            {phase.kind === 'failed' ? 'The upload failed' : 'The upload was cancelled'}
          </p>
          <p>
            {phase.kind === 'failed'
              ? phase.message
              : 'Nothing was stored. You can start again when you are ready.'}
          </p>
        </div>
      )}

      <div className="form__actions">
        {/* Distinct keys: React must not turn the clicked Cancel button into the submit button
            while the click is still being handled, or the browser would submit the form again. */}
        {busy ? (
          <button
            key="cancel"
            type="button"
            className="button button--danger-outline"
            onClick={() => upload.current?.abort()}
            disabled={phase.kind === 'storing'}
          >
            Cancel upload
          </button>
        ) : (
          <button key="upload" type="submit" className="button">
            Upload
          </button>
        )}
        {!busy && (
          <Link className="button button--secondary" href={documentHref}>
            Back to the document
          </Link>
        )}
      </div>
    </form>
  );
}
