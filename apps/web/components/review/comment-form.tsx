'use client';

import {
  COMMENT_KINDS,
  COMMENT_LOCATION_MAX_LENGTH,
  type CommentKind,
  REVIEW_COMMENT_MAX_LENGTH,
  type ReviewComment,
} from '@liaison/core';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { describeApiError } from '../../lib/errors';
import { postMultipart, readCreatedAnswer } from '../../lib/multipart-upload';
import { commentUploadUrl, KIND_LABELS } from '../../lib/review-rules';
import { RadioChoices } from '../choice';
import { FileDropzone } from '../upload/dropzone';
import { UploadAction, UploadStatus } from '../upload/upload-status';
import { useChosenFile } from '../upload/use-chosen-file';
import { useUpload } from '../upload/use-upload';

type Posted = { ok: true; comment: ReviewComment };

function readCommentAnswer(status: number, text: string) {
  return readCreatedAnswer<Posted>(status, text, (body) =>
    typeof body.number === 'number'
      ? { ok: true as const, comment: body as unknown as ReviewComment }
      : undefined,
  );
}

export interface CommentFormProps {
  reviewId: string;
  versionId: string;
  versionLabel: string;
  ownerName: string;
  /** The owner's IPR policy as shown, when the review requires its acknowledgement. */
  iprPolicy: { text: string; sha256: string } | null;
}

/**
 * A comment on the reviewed version: the fields first, then the optional attachment, streamed
 * through the portal's upload proxy with its progress shown.
 */
export function CommentForm({
  reviewId,
  versionId,
  versionLabel,
  ownerName,
  iprPolicy,
}: CommentFormProps) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<CommentKind>('technical');
  const [location, setLocation] = useState('');
  const [body, setBody] = useState('');
  const [proposedChange, setProposedChange] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = useUpload<Posted>();
  const { phase, uploading, resultRef, start, reset } = upload;
  const chosenFile = useChosenFile({
    onChosen: () => {
      if (!uploading) reset();
    },
  });
  const { file } = chosenFile;
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (uploading) return;
    if (!body.trim()) {
      setError('Write your comment.');
      return bodyRef.current?.focus();
    }
    if (iprPolicy && !acknowledged) {
      setError(`Acknowledge the IPR policy of ${ownerName} first.`);
      return;
    }
    setError(null);
    // The fields go first: the API checks them before it stores any file.
    const form = new FormData();
    form.append('versionId', versionId);
    form.append('kind', kind);
    form.append('location', location.trim());
    form.append('body', body);
    if (proposedChange.trim()) form.append('proposedChange', proposedChange);
    if (iprPolicy) {
      form.append('acceptIpr', 'true');
      form.append('iprPolicySha256', iprPolicy.sha256);
    }
    if (file) {
      // Its size first: the API then streams it into storage in one PUT of that length.
      form.append('size', String(file.size));
      form.append('file', file, file.name);
    }
    const outcome = await start(
      file?.size ?? 0,
      (callbacks) => postMultipart(commentUploadUrl(reviewId), form, readCommentAnswer, callbacks),
      describeApiError,
    );
    if (outcome.ok) {
      setBody('');
      setLocation('');
      setProposedChange('');
      chosenFile.clear();
      router.refresh();
    }
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-busy={uploading}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>Comment on version {versionLabel}</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-location`}>
          Location <span className="muted">(page, section or line)</span>
        </label>
        <input
          id={`${id}-location`}
          name="location"
          className="input"
          maxLength={COMMENT_LOCATION_MAX_LENGTH}
          value={location}
          onChange={(event) => setLocation(event.target.value)}
          disabled={uploading}
        />
      </div>
      <fieldset className="fieldset" disabled={uploading}>
        <legend>Kind</legend>
        <RadioChoices
          name="kind"
          choices={COMMENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
          value={kind}
          onChange={setKind}
        />
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-body`}>
          Comment
        </label>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          name="body"
          className="textarea"
          rows={6}
          required
          maxLength={REVIEW_COMMENT_MAX_LENGTH}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          disabled={uploading}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-proposed`}>
          Proposed change <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-proposed`}
          name="proposedChange"
          className="textarea"
          rows={3}
          maxLength={REVIEW_COMMENT_MAX_LENGTH}
          value={proposedChange}
          onChange={(event) => setProposedChange(event.target.value)}
          disabled={uploading}
        />
      </div>
      <div className="field" data-field="file">
        <span className="field__label">Attachment (optional)</span>
        <FileDropzone
          chosen={chosenFile}
          inputId={`${id}-file`}
          disabled={uploading}
          errorId={undefined}
          statusId={`${id}-file-status`}
          hint="or drag and drop it here: a marked-up copy, a figure"
        />
      </div>
      {iprPolicy && (
        <fieldset className="fieldset" disabled={uploading}>
          <legend>IPR policy of {ownerName}</legend>
          <section
            className="policy-text"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the policy scrolls; keyboards must reach it
            tabIndex={0}
            aria-label={`IPR policy of ${ownerName}`}
          >
            {iprPolicy.text}
          </section>
          <p className="muted small">
            SHA-256 of this text: <code className="checksum--inline">{iprPolicy.sha256}</code>
          </p>
          <label className="choice choice--acknowledge">
            <input
              type="checkbox"
              name="acceptIpr"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
            />
            <span className="choice__label">
              I have read the IPR policy of {ownerName} above and make this comment under it.
            </span>
          </label>
        </fieldset>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {phase.kind === 'done' ? (
        <div ref={resultRef} className="notice notice--success" tabIndex={-1} role="status">
          <p className="notice__title">Comment {phase.result.comment.number} was sent.</p>
        </div>
      ) : (
        <UploadStatus
          upload={upload}
          formId={id}
          sendingLabel={file ? `Uploading ${file.name}` : 'Sending your comment'}
          storingLabel="Sent. Liaison is storing your comment…"
          fileBytes={file?.size ?? 0}
          failedTitle="The comment was not sent"
          cancelledText="Nothing was sent."
        />
      )}
      <div className="form__actions">
        <UploadAction upload={upload} submitLabel="Send comment" />
      </div>
    </form>
  );
}
