'use client';

import { useRef, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { Dropzone, DropzoneField, dropzoneIds } from '../upload/dropzone';
import { useUpload } from '../upload/use-upload';
import { unique } from './use-route-choice';

/**
 * The files chosen so far and those just picked or dropped, each file once. `chosen` is an array,
 * copied from the input's FileList before anything else: that list empties when the input's value
 * is reset, and a state updater given the list itself would run after the reset.
 */
function withChosenFiles(current: readonly File[], chosen: readonly File[]): File[] {
  return unique([...current, ...chosen], (f) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`);
}

/**
 * The files chosen for a submission and the input they are picked with: `add` takes the files
 * picked or dropped (not while `busy`) and calls `onAdded`, `remove` drops one.
 */
function useChosenFiles(busy: boolean, onAdded: () => void) {
  const [files, setFiles] = useState<File[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const add = (chosen: FileList | null | undefined) => {
    if (!chosen || chosen.length === 0 || busy) return;
    const added = Array.from(chosen);
    setFiles((current) => withChosenFiles(current, added));
    onAdded();
    if (inputRef.current) inputRef.current.value = '';
  };
  const remove = (index: number) => setFiles((current) => current.filter((_, i) => i !== index));
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  return { files, bytes, inputRef, add, remove };
}

export type ChosenFiles = ReturnType<typeof useChosenFiles>;

/**
 * A submission form's upload of the files chosen for it: the upload, whether the form is busy
 * (sending, or sent and staying locked while the next page opens) and the chosen files, to which
 * `onAdded` reacts.
 */
export function useChosenFilesUpload(onAdded: () => void) {
  const upload = useUpload<{ ok: true; id: string }>();
  const busy = upload.uploading || upload.phase.kind === 'done';
  const chosenFiles = useChosenFiles(busy, onAdded);
  return { upload, busy, chosenFiles };
}

/** The files chosen for a submission, each with its size and a Remove button. */
function ChosenFileList({
  files,
  disabled,
  onRemove,
}: {
  files: readonly File[];
  disabled: boolean;
  onRemove: (index: number) => void;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="file-list" aria-label="Chosen files">
      {files.map((file, index) => (
        <li key={`${file.name}-${file.size}-${file.lastModified}`}>
          <span className="filename">{file.name}</span>
          <span className="muted small">{formatBytes(file.size)}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={disabled}
            onClick={() => onRemove(index)}
          >
            Remove<span className="visually-hidden"> {file.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A submission's field of files to upload, fed `useChosenFilesUpload().chosenFiles`: the dropzone,
 * saying how many files are chosen and their size in all, the list of them, and what is wrong with
 * them.
 */
export function ChosenFilesField({
  formId,
  label,
  hint,
  chosen: { files, bytes, inputRef, add, remove },
  disabled,
  error,
}: {
  formId: string;
  label: string;
  hint: string;
  chosen: ChosenFiles;
  disabled: boolean;
  error: string | null | undefined;
}) {
  return (
    <DropzoneField formId={formId} name="files" label={label} error={error}>
      <Dropzone
        {...dropzoneIds(formId, 'files', error)}
        inputRef={inputRef}
        multiple
        disabled={disabled}
        title={files.length > 0 ? 'Add more files' : 'Choose files'}
        hint={hint}
        status={
          files.length === 0
            ? 'No file chosen'
            : `${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(bytes)} in all`
        }
        onFiles={add}
      />
      <ChosenFileList files={files} disabled={disabled} onRemove={remove} />
    </DropzoneField>
  );
}
