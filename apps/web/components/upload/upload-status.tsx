import type { ReactNode, RefObject } from 'react';
import { UploadProgress } from './upload-progress';
import type { UploadPhase } from './use-upload';

/** What the status and the form's button read of `useUpload()`. */
export interface UploadState {
  phase: UploadPhase<unknown>;
  uploading: boolean;
  resultRef: RefObject<HTMLDivElement | null>;
  cancel: () => void;
}

interface UploadStatusProps {
  upload: UploadState;
  /** The form's id: the progress bar's label is `<formId>-progress-label`. */
  formId: string;
  /** What the progress bar says while bytes are sent, once they are all sent, and when done. */
  sendingLabel: string;
  storingLabel: string;
  doneLabel?: string;
  fileBytes: number;
  /** The failure notice's title, e.g. "The upload failed". */
  failedTitle: string;
  /** What a cancelled upload left behind, e.g. "Nothing was stored. …". */
  cancelledText: string;
}

/** An upload's progress while it runs, and the notice when it failed or was cancelled. */
export function UploadStatus({
  upload: { phase, resultRef },
  formId,
  sendingLabel,
  storingLabel,
  doneLabel,
  fileBytes,
  failedTitle,
  cancelledText,
}: UploadStatusProps): ReactNode {
  const labelId = `${formId}-progress-label`;
  if (
    phase.kind === 'sending' ||
    phase.kind === 'storing' ||
    (phase.kind === 'done' && doneLabel)
  ) {
    return (
      <UploadProgress
        labelId={labelId}
        label={
          phase.kind === 'sending'
            ? sendingLabel
            : phase.kind === 'storing'
              ? storingLabel
              : (doneLabel ?? '')
        }
        fileBytes={fileBytes}
        sent={phase.kind === 'sending' ? phase : null}
        finishing={phase.kind === 'storing'}
      />
    );
  }
  if (phase.kind !== 'failed' && phase.kind !== 'cancelled') return null;
  return (
    <div
      ref={resultRef}
      tabIndex={-1}
      role="alert"
      className={`notice ${phase.kind === 'failed' ? 'notice--error' : 'notice--info'}`}
    >
      <p className="notice__title">
        {phase.kind === 'failed' ? failedTitle : 'The upload was cancelled'}
      </p>
      <p>{phase.kind === 'failed' ? phase.message : cancelledText}</p>
    </div>
  );
}

interface FileUploadStatusProps {
  upload: UploadState;
  formId: string;
  /** The one file being sent, when chosen. */
  file: File | null;
  cancelledText: string;
}

/** The status of a one-file upload (a version, an attachment), in the same words wherever it runs. */
export function FileUploadStatus({ upload, formId, file, cancelledText }: FileUploadStatusProps) {
  return (
    <UploadStatus
      upload={upload}
      formId={formId}
      sendingLabel={`Uploading ${file?.name ?? 'the file'}`}
      storingLabel="Sent. Liaison is storing the file and computing its checksum…"
      fileBytes={file?.size ?? 0}
      failedTitle="The upload failed"
      cancelledText={cancelledText}
    />
  );
}

interface FilesUploadStatusProps
  extends Pick<
    UploadStatusProps,
    'upload' | 'formId' | 'doneLabel' | 'failedTitle' | 'cancelledText'
  > {
  /** The files being sent together (a submission's). */
  files: readonly File[];
}

/** The status of an upload of several files at once, in the same words wherever it runs. */
export function FilesUploadStatus({ files, ...status }: FilesUploadStatusProps) {
  return (
    <UploadStatus
      {...status}
      sendingLabel={`Uploading ${files.length} ${files.length === 1 ? 'file' : 'files'}`}
      storingLabel="Sent. Liaison is storing the files and computing their checksums…"
      fileBytes={files.reduce((sum, file) => sum + file.size, 0)}
    />
  );
}

interface UploadActionProps {
  upload: UploadState;
  /** The submit button's text, shown when no upload runs. */
  submitLabel: string;
  submitDisabled?: boolean;
}

/** The form's main button: submit, or cancel while the upload runs. */
export function UploadAction({
  upload: { uploading, phase, cancel },
  submitLabel,
  submitDisabled,
}: UploadActionProps) {
  // Distinct keys: React must not turn the clicked Cancel button into the submit button
  // while the click is still being handled, or the browser would submit the form again.
  return uploading ? (
    <button
      key="cancel"
      type="button"
      className="button button--danger-outline"
      onClick={cancel}
      // Every byte is sent: the API is storing, too late to cancel.
      disabled={phase.kind === 'storing'}
    >
      Cancel upload
    </button>
  ) : (
    <button key="submit" type="submit" className="button" disabled={submitDisabled}>
      {submitLabel}
    </button>
  );
}
