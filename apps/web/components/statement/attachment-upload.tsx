'use client';

import type { Statement } from '@liaison/core';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { describeApiError } from '../../lib/errors';
import { postMultipart, readCreatedAnswer } from '../../lib/multipart-upload';
import { statementUploadUrl } from '../../lib/statement-links';
import { FileField } from '../upload/dropzone';
import { FileUploadStatus, UploadAction } from '../upload/upload-status';
import { useUpload } from '../upload/use-upload';

type Attached = { ok: true; statement: Statement };

function readAttachAnswer(status: number, text: string) {
  return readCreatedAnswer<Attached>(status, text, (body) =>
    Array.isArray(body.attachments)
      ? { ok: true as const, statement: body as unknown as Statement }
      : undefined,
  );
}

/**
 * Adds one file to a draft, streamed through the portal's upload proxy with its progress shown;
 * the page then shows the draft with it.
 */
export function AttachmentUpload({ statementId }: { statementId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useUpload<Attached>();
  const { phase, uploading, resultRef, start, reset } = upload;
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const choose = (files: FileList | null | undefined) => {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen);
    setError(null);
    if (!uploading) reset();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (uploading) return;
    if (!file) {
      setError('Choose the file to attach.');
      return fileRef.current?.focus();
    }
    const form = new FormData();
    // Its size first: the API then streams it into storage in one PUT of that length.
    form.append('size', String(file.size));
    form.append('file', file, file.name);
    const outcome = await start(
      file.size,
      (callbacks) =>
        postMultipart(statementUploadUrl(statementId), form, readAttachAnswer, callbacks),
      describeApiError,
    );
    if (outcome.ok) {
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      router.refresh();
    }
  };

  return (
    <form className="form upload-form" onSubmit={submit} noValidate aria-busy={uploading}>
      <FileField
        formId={id}
        label="Attach a file"
        inputRef={fileRef}
        file={file}
        disabled={uploading}
        error={error}
        onFiles={choose}
      />
      {phase.kind === 'done' ? (
        <div ref={resultRef} className="notice notice--success" tabIndex={-1} role="status">
          <p className="notice__title">
            Attached. SHA-256{' '}
            <code className="checksum checksum--small">
              {phase.result.statement.attachments.at(-1)?.sha256}
            </code>
          </p>
        </div>
      ) : (
        <FileUploadStatus
          upload={upload}
          formId={id}
          file={file}
          cancelledText="Nothing was attached."
        />
      )}
      <div className="form__actions">
        <UploadAction upload={upload} submitLabel="Attach" />
      </div>
    </form>
  );
}
