import type { DocumentSummary } from '@liaison/core';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CaptionedTable } from '../captioned-table';
import { StatusText, VisibilityBadge } from './badges';
import { ShortDate } from './dates';
import styles from './registers.module.css';

export type TableDocument = Pick<
  DocumentSummary,
  'id' | 'organization' | 'identifier' | 'title' | 'status' | 'visibility' | 'updatedAt'
> & { latestVersion?: DocumentSummary['latestVersion'] };

/**
 * Documents as a table with a caption and column headers; each row's title links to the
 * document's page. On phones every row becomes a small card with labelled values.
 */
export function DocumentTable({
  documents,
  caption,
  organizationNames,
  showOwner = true,
  empty,
}: {
  documents: readonly TableDocument[];
  caption: ReactNode;
  organizationNames?: ReadonlyMap<string, string>;
  showOwner?: boolean;
  empty: ReactNode;
}) {
  if (documents.length === 0) return <p className={styles.empty}>{empty}</p>;
  return (
    <CaptionedTable
      caption={caption}
      columns={[
        'Document',
        ...(showOwner ? ['Owner'] : []),
        'Status',
        'Visibility',
        'Latest version',
        'Updated',
      ]}
    >
      {documents.map((document) => (
        <tr key={document.id}>
          <th scope="row">
            <Link className={styles.docTitle} href={`/documents/${document.id}`}>
              {document.title}
            </Link>
            <span className={styles.identifier}>{document.identifier}</span>
          </th>
          {showOwner && (
            <td data-label="Owner">
              {organizationNames?.get(document.organization) ?? document.organization}
            </td>
          )}
          <td data-label="Status">
            <StatusText status={document.status} />
          </td>
          <td data-label="Visibility">
            <VisibilityBadge visibility={document.visibility} />
          </td>
          <td data-label="Latest version">
            {document.latestVersion ? (
              <code>{document.latestVersion.label}</code>
            ) : (
              <span className="muted">No file yet</span>
            )}
          </td>
          <td data-label="Updated" className={styles.nowrap}>
            <ShortDate value={document.updatedAt} />
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}
