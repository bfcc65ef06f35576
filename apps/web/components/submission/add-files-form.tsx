'use client';

import { SUBMISSION_MAX_FILES } from '@liaison/core';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { submissionPath } from '../../lib/submission-links';
import { type AttachOption, describeSubmissionError } from '../../lib/submission-rules';
import { startSubmissionFilesUpload } from '../../lib/submission-upload';
import { FilesUploadStatus, UploadAction } from '../upload/upload-status';
import { AttachDocumentsField } from './attach-documents-field';
import { ChosenFilesField, useChosenFilesUpload } from './chosen-files';

/**
 * Adds files (uploaded, or copied from Liaison documents) to a submission still waiting for a
 * decision, with the upload's progress shown; the receiving admins are told.
 */
export function AddFilesForm({
  submissionId,
  toName,
  room,
  attachOptions,
}: {
  submissionId: string;
  toName: string;
  /** How many more files the submission may hold. */
  room: number;
  attachOptions: AttachOption[];
}) {
  const router = useRouter();
  const id = useId();
  const [attach, setAttach] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { upload, busy, chosenFiles } = useChosenFilesUpload(() => setError(null));
  const { files, bytes } = chosenFiles;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const count = files.length + attach.length;
    if (count === 0 || count > room) {
      setError(
        count === 0
          ? 'Add at least one file or Liaison document.'
          : `This submission has room for ${room} more ${room === 1 ? 'file' : 'files'} (${SUBMISSION_MAX_FILES} in all).`,
      );
      return chosenFiles.inputRef.current?.focus();
    }
    const outcome = await upload.start(
      bytes,
      (callbacks) => startSubmissionFilesUpload(submissionId, attach, files, callbacks),
      describeSubmissionError,
    );
    if (outcome.ok) {
      router.push(`${submissionPath(submissionId)}?notice=files-added#files`);
      router.refresh();
    }
  };

  return (
    <form className="form upload-form" onSubmit={submit} noValidate aria-busy={busy}>
      <fieldset className="fieldset" disabled={busy}>
        <legend>Add files</legend>
        <ChosenFilesField
          formId={id}
          label="Files to upload"
          hint="or drag and drop them here"
          chosen={chosenFiles}
          disabled={busy}
          error={error}
        />
        <AttachDocumentsField
          formId={id}
          options={attachOptions}
          chosen={attach}
          onChange={(chosen) => {
            setAttach(chosen);
            setError(null);
          }}
          toName={toName}
          disabled={busy}
        />
      </fieldset>
      <FilesUploadStatus
        upload={upload}
        formId={id}
        files={files}
        doneLabel="Added. Showing the submission…"
        failedTitle="Adding the files failed"
        cancelledText="Nothing was added."
      />
      <div className="form__actions">
        <UploadAction
          upload={upload}
          submitLabel={`Add to the submission to ${toName}`}
          submitDisabled={busy}
        />
      </div>
    </form>
  );
}
