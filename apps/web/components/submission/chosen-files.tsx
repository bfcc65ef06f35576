'use client';

import { formatBytes } from '../../lib/format';
import { unique } from './use-route-choice';

/**
 * The files chosen so far and those just picked or dropped, each file once. `chosen` is an array,
 * copied from the input's FileList before anything else: that list empties when the input's value
 * is reset, and a state updater given the list itself would run after the reset.
 */
export function withChosenFiles(current: readonly File[], chosen: readonly File[]): File[] {
  return unique([...current, ...chosen], (f) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`);
}

/** The files chosen for a submission, each with its size and a Remove button. */
export function ChosenFileList({
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
