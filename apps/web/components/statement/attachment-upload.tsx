'use client';

import type { Statement } from '@liaison/core';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { describeApiError } from '../../lib/errors';
import { postMultipart, readCreatedAnswer } from '../../lib/multipart-upload';
import { statementUploadUrl } from '../../lib/statement-links';
import { FileField } from '../upload/dropzone';
import { FileUploadStatus, UploadAction } from '../upload/upload-status';
import { useChosenFile } from '../upload/use-chosen-file';
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
  const [error, setError] = useState<string | null>(null);
  const upload = useUpload<Attached>();
  const { phase, uploading, resultRef, start, reset } = upload;
  const chosenFile = useChosenFile({
    onChosen: () => {
      setError(null);
      if (!uploading) reset();
    },
  });
  const { file } = chosenFile;
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (uploading) return;
    if (!file) {
      setError('Choose the file to attach.');
      return chosenFile.inputRef.current?.focus();
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
      chosenFile.clear();
      router.refresh();
    }
  };

  return (
    <form className="form upload-form" onSubmit={submit} noValidate aria-busy={uploading}>
      <FileField
        formId={id}
        label="Attach a file"
        chosen={chosenFile}
        disabled={uploading}
        error={error}
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
