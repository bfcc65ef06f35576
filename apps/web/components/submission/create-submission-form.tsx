'use client';

import {
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { submissionPath } from '../../lib/submission-links';
import {
  describeSubmissionError,
  type SubmissionFieldErrors,
  type SubmissionRoute,
  submissionDraftErrors,
} from '../../lib/submission-rules';
import { type SubmissionUploadHandle, startSubmissionUpload } from '../../lib/submission-upload';
import { UploadProgress } from '../upload-progress';

/** An organization's IPR policy as shown, with the SHA-256 of exactly that text; null: none. */
export type PolicyByOrganization = Record<string, { text: string; sha256: string } | null>;

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; loaded: number; total: number }
  | { kind: 'storing' }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface CreateSubmissionFormProps {
  routes: SubmissionRoute[];
  policies: PolicyByOrganization;
  initial: { register?: string | undefined; to?: string | undefined };
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function CreateSubmissionForm({ routes, policies, initial }: CreateSubmissionFormProps) {
  const router = useRouter();
  const id = useId();
  const registers = unique(
    routes.map((route) => route.register),
    (register) => register.slug,
  );
  const [register, setRegister] = useState(
    registers.find((r) => r.slug === initial.register)?.slug ?? registers[0]?.slug ?? '',
  );
  const fromChoices = unique(
    routes.filter((route) => route.register.slug === register).map((route) => route.from),
    (from) => from.slug,
  );
  const [fromChoice, setFrom] = useState(fromChoices[0]?.slug ?? '');
  const from = fromChoices.some((f) => f.slug === fromChoice)
    ? fromChoice
    : (fromChoices[0]?.slug ?? '');
  const toChoices = routes
    .filter((route) => route.register.slug === register && route.from.slug === from)
    .map((route) => route.to);
  const [toChoice, setTo] = useState(initial.to ?? '');
  const to = toChoices.some((t) => t.slug === toChoice) ? toChoice : (toChoices[0]?.slug ?? '');
  const toName = toChoices.find((t) => t.slug === to)?.name ?? to;
  const fromName = fromChoices.find((f) => f.slug === from)?.name ?? from;
  const policy = policies[to] ?? null;

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // Acknowledged for one receiver's policy only: choosing another receiver asks again.
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const acceptIpr = acknowledged === to && policy !== null;
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [errors, setErrors] = useState<SubmissionFieldErrors>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const upload = useRef<SubmissionUploadHandle | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'sending' || phase.kind === 'storing' || phase.kind === 'done';

  // Leaving the page mid-upload would silently cancel it: ask first.
  useEffect(() => {
    if (phase.kind !== 'sending' && phase.kind !== 'storing') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [phase.kind]);

  useEffect(() => () => upload.current?.abort(), []);

  useEffect(() => {
    if (phase.kind === 'failed' || phase.kind === 'cancelled') resultRef.current?.focus();
  }, [phase.kind]);

  const addFiles = (chosen: FileList | null | undefined) => {
    if (!chosen || chosen.length === 0 || busy) return;
    // A copy: the input's FileList empties when its value is reset below.
    const added = Array.from(chosen);
    setFiles((current) =>
      unique([...current, ...added], (f) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`),
    );
    setErrors((current) => ({ ...current, files: undefined }));
    if (fileRef.current) fileRef.current.value = '';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = submissionDraftErrors(
      { register, from, to, title, description, acceptIpr, files },
      routes,
    );
    if (!policy && !found.route) {
      found.route = `${toName} has not published an IPR policy in Liaison, so it cannot receive submissions yet.`;
    }
    setErrors(found);
    const first = (['route', 'title', 'description', 'acceptIpr', 'files'] as const).find(
      (key) => found[key],
    );
    if (first || !policy) {
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }

    const total = files.reduce((sum, file) => sum + file.size, 0);
    setPhase({ kind: 'sending', loaded: 0, total });
    const handle = startSubmissionUpload(
      {
        register,
        to,
        from,
        title: title.trim(),
        description: description.trim(),
        acceptIpr,
        iprPolicySha256: policy.sha256,
      },
      files,
      {
        onProgress: (loaded, sent) =>
          setPhase((current) =>
            current.kind === 'sending' ? { kind: 'sending', loaded, total: sent } : current,
          ),
        onSent: () =>
          setPhase((current) => (current.kind === 'sending' ? { kind: 'storing' } : current)),
      },
    );
    upload.current = handle;
    const outcome = await handle.done;
    upload.current = null;
    if (outcome.ok) {
      setPhase({ kind: 'done' });
      router.push(`${submissionPath(outcome.id)}?notice=submitted`);
    } else if (outcome.aborted) {
      setPhase({ kind: 'cancelled' });
    } else {
      setPhase({
        kind: 'failed',
        message:
          outcome.status === 0
            ? 'The upload was interrupted: the connection to Liaison failed. Check your connection and try again.'
            : describeSubmissionError(outcome),
      });
    }
  };

  const fileBytes = files.reduce((sum, file) => sum + file.size, 0);
  const describedBy = (name: keyof SubmissionFieldErrors, hint = false) =>
    [hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldError = (name: keyof SubmissionFieldErrors) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field__error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="form submission-form" onSubmit={submit} noValidate aria-busy={busy}>
      <fieldset className="fieldset" disabled={busy}>
        <legend>Where it goes</legend>
        <div className="field">
          <label htmlFor={`${id}-route`}>Work register</label>
          <select
            id={`${id}-route`}
            value={register}
            onChange={(event) => setRegister(event.target.value)}
            aria-invalid={errors.route ? true : undefined}
            aria-describedby={describedBy('route', true)}
          >
            {registers.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.title}
              </option>
            ))}
          </select>
          <p id={`${id}-route-hint`} className="field__hint">
            Submissions go from one party of an approved register to another.
          </p>
          {fieldError('route')}
        </div>
        {fromChoices.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-from`}>Submit on behalf of</label>
            <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
              {fromChoices.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="fieldset fieldset--plain">
          <legend className="field__label">Submit to</legend>
          <div className="choice-list">
            {toChoices.map((t) => (
              <label key={t.slug} className="choice">
                <input
                  type="radio"
                  name="to"
                  value={t.slug}
                  checked={to === t.slug}
                  onChange={() => setTo(t.slug)}
                />
                <span className="choice__label">{t.name}</span>
                <span className="choice__hint">
                  {policies[t.slug] ? 'Reviewed by its admins' : 'No IPR policy published yet'}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {fromChoices.length === 1 && (
          <p className="muted small">Submitted on behalf of {fromName}.</p>
        )}
      </fieldset>

      <fieldset className="fieldset" disabled={busy}>
        <legend>The contribution</legend>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={TITLE_MAX_LENGTH}
            required
            aria-required="true"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title')}
          />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>
            Description<span className="field__optional"> (optional)</span>
          </label>
          <textarea
            id={`${id}-description`}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            rows={6}
            maxLength={SUBMISSION_DESCRIPTION_MAX_LENGTH}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('description', true)}
          />
          <p id={`${id}-description-hint`} className="field__hint">
            What it is, and which of {toName}’s work it contributes to.
          </p>
          {fieldError('description')}
        </div>

        <div className="field" data-field="files">
          <span className="field__label" id={`${id}-files-heading`}>
            Files
          </span>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the labelled file input inside is what keyboards and screen readers use */}
          <div
            className={`dropzone${dragging ? ' dropzone--active' : ''}${errors.files ? ' dropzone--invalid' : ''}${busy ? ' dropzone--disabled' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              if (!busy) setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input
              ref={fileRef}
              id={`${id}-files`}
              type="file"
              multiple
              className="dropzone__input"
              disabled={busy}
              onChange={(event) => addFiles(event.target.files)}
              aria-invalid={errors.files ? true : undefined}
              aria-describedby={`${errors.files ? `${id}-files-error ` : ''}${id}-files-status`}
            />
            <label htmlFor={`${id}-files`} className="dropzone__label">
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
                {files.length > 0 ? 'Add more files' : 'Choose files'}
              </span>
              <span className="dropzone__hint">
                or drag and drop them here (up to {SUBMISSION_MAX_FILES})
              </span>
            </label>
            <p id={`${id}-files-status`} className="dropzone__file" aria-live="polite">
              {files.length === 0
                ? 'No file chosen'
                : `${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(fileBytes)} in all`}
            </p>
          </div>
          {files.length > 0 && (
            <ul className="file-list" aria-label="Chosen files">
              {files.map((file, index) => (
                <li key={`${file.name}-${file.size}-${file.lastModified}`}>
                  <span className="filename">{file.name}</span>
                  <span className="muted small">{formatBytes(file.size)}</span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={busy}
                    onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                  >
                    Remove<span className="visually-hidden"> {file.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {fieldError('files')}
        </div>
      </fieldset>

      <fieldset className="fieldset" disabled={busy}>
        <legend>IPR policy of {toName}</legend>
        {policy ? (
          <>
            <p className="field__hint">
              Read the whole policy: your acknowledgement is recorded with your name, the time and a
              fingerprint (SHA-256) of exactly this text.
            </p>
            <section
              className="policy-text"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the policy scrolls; keyboards must reach it
              tabIndex={0}
              aria-label={`IPR policy of ${toName}`}
              data-testid="ipr-policy-text"
            >
              {policy.text}
            </section>
            <p className="muted small">
              SHA-256 of this text: <code className="checksum--inline">{policy.sha256}</code>
            </p>
            <div className="field">
              <label className="choice choice--acknowledge">
                <input
                  id={`${id}-acceptIpr`}
                  type="checkbox"
                  checked={acceptIpr}
                  onChange={(event) => setAcknowledged(event.target.checked ? to : null)}
                  required
                  aria-required="true"
                  aria-invalid={errors.acceptIpr ? true : undefined}
                  aria-describedby={describedBy('acceptIpr')}
                />
                <span className="choice__label">
                  I have read the IPR policy of {toName} above and acknowledge that this
                  contribution from {fromName} is made under it.
                </span>
              </label>
              {fieldError('acceptIpr')}
            </div>
          </>
        ) : (
          <div className="notice notice--info">
            <p>
              {toName} has not published an IPR policy in Liaison, so it cannot receive submissions
              yet.
            </p>
          </div>
        )}
      </fieldset>

      {busy && (
        <UploadProgress
          labelId={`${id}-progress-label`}
          label={
            phase.kind === 'sending'
              ? `Uploading ${files.length} ${files.length === 1 ? 'file' : 'files'}`
              : phase.kind === 'storing'
                ? 'Sent. Liaison is storing the files and computing their checksums…'
                : 'Submitted. Opening the submission…'
          }
          fileBytes={fileBytes}
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
            {phase.kind === 'failed' ? 'The submission failed' : 'The upload was cancelled'}
          </p>
          <p>
            {phase.kind === 'failed'
              ? phase.message
              : 'Nothing was submitted. You can start again when you are ready.'}
          </p>
        </div>
      )}

      <div className="form__actions">
        {/* Distinct keys: React must not turn the clicked Cancel button into the submit button
            while the click is still being handled, or the browser would submit the form again. */}
        {phase.kind === 'sending' || phase.kind === 'storing' ? (
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
          <button key="submit" type="submit" className="button" disabled={busy}>
            Submit to {toName}
          </button>
        )}
        {!busy && (
          <Link className="button button--secondary" href="/submissions">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
