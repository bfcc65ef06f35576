import type { ReactNode } from 'react';
import { formatBytes } from '../lib/format';
import { StackedTable } from './stacked-table';

/** What the table shows of a stored file (a submission file, a statement attachment). */
export interface StoredFileRow {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** A stored file's Size cell: the size in short, with the exact number of bytes as a tooltip. */
export function SizeCell({ bytes }: { bytes: number }) {
  return (
    <td data-label="Size">
      <div className="nowrap" title={`${bytes.toLocaleString('en-GB')} bytes`}>
        {formatBytes(bytes)}
      </div>
    </td>
  );
}

/** A stored file's SHA-256 cell, to compare with one's own copy. */
export function ChecksumCell({ sha256 }: { sha256: string }) {
  return (
    <td data-label="SHA-256">
      <code className="checksum checksum--small">{sha256}</code>
    </td>
  );
}

/**
 * The files of a submission or a statement: name, type, size, SHA-256 and a download link, with
 * room for more actions (removing a draft's attachment) where the caller may take them.
 */
export function StoredFileTable({
  files,
  caption,
  empty,
  hrefOf,
  actionsOf,
}: {
  files: readonly StoredFileRow[];
  caption: string;
  empty: string;
  hrefOf: (file: StoredFileRow) => string;
  actionsOf?: (file: StoredFileRow) => ReactNode;
}) {
  if (files.length === 0) return <p className="empty">{empty}</p>;
  return (
    <StackedTable caption={caption} columns={['File', 'Size', 'SHA-256']} actions="Actions">
      {files.map((file) => (
        <tr key={file.id}>
          <th scope="row" data-label="File">
            <div>
              <span className="filename">{file.filename}</span>
              <span className="muted small">{file.mediaType}</span>
            </div>
          </th>
          <SizeCell bytes={file.size} />
          <ChecksumCell sha256={file.sha256} />
          <td data-label="Actions" className="table__actions">
            <a className="button button--small" href={hrefOf(file)} download>
              Download<span className="visually-hidden"> {file.filename}</span>
            </a>
            {actionsOf?.(file)}
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}
