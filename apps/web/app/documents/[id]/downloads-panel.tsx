import Link from 'next/link';
import { StackedTable } from '../../../components/stacked-table';
import type { ApiResponse, DocumentDownloadList } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';

/** How many downloads a page of the panel shows. */
export const DOWNLOADS_PAGE_SIZE = 50;

/** The `downloads` query parameter: the cursor of an older page, or undefined for the newest. */
export function downloadsCursor(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[0-9]{1,19}$/.test(value) ? value : undefined;
}

/**
 * "Who downloaded this", from the audit log, for those the API lets see it (the owner's editors
 * and admins, the operator): newest first, a page at a time.
 */
export function DownloadsPanel({
  documentId,
  identifier,
  downloads,
  olderPage,
}: {
  documentId: string;
  identifier: string;
  downloads: ApiResponse<DocumentDownloadList>;
  /** Whether this is an older page (a link back to the newest is shown). */
  olderPage: boolean;
}) {
  const base = `/documents/${documentId}`;
  return (
    <section className="section" aria-labelledby="downloads-title" data-testid="downloads-panel">
      <h2 id="downloads-title">Who downloaded this</h2>
      <p className="muted small">
        Downloads of its files by readers, from the audit log, newest first. Previews in the browser
        are not counted; nor are reads while the document is public.
      </p>
      {!downloads.ok ? (
        <p className="notice notice--error" role="alert">
          The downloads cannot be shown right now. Try again in a moment.
        </p>
      ) : downloads.data.items.length === 0 ? (
        <p className="empty">Nobody has downloaded it yet.</p>
      ) : (
        <StackedTable
          caption={`Downloads of ${identifier}, newest first`}
          columns={['Reader', 'Organization', 'Version', 'When', 'Copy']}
        >
          {downloads.data.items.map((download) => (
            <tr key={download.id}>
              <th scope="row" data-label="Reader">
                <div>
                  <span>{download.reader.name ?? 'A removed account'}</span>
                  {download.reader.email && (
                    <span className="muted small">{download.reader.email}</span>
                  )}
                </div>
              </th>
              <td data-label="Organization">
                <div>{download.organization?.name ?? '—'}</div>
              </td>
              <td data-label="Version">
                <div className="version-label">{download.version.label}</div>
              </td>
              <td data-label="When">
                <div>
                  <time dateTime={download.at}>{formatDateTime(download.at)}</time>
                </div>
              </td>
              <td data-label="Copy">
                <div>
                  {download.watermarked ? (
                    <>
                      <span>Watermarked</span>
                      <code className="muted small">{download.downloadId}</code>
                    </>
                  ) : (
                    <span>Original file</span>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </StackedTable>
      )}
      {downloads.ok && (olderPage || downloads.data.nextCursor) && (
        <nav className="button-row" aria-label="Pages of downloads">
          {olderPage && (
            <Link
              className="button button--secondary button--small"
              href={`${base}#downloads-title`}
            >
              Newest downloads
            </Link>
          )}
          {downloads.data.nextCursor && (
            <Link
              className="button button--secondary button--small"
              href={`${base}?downloads=${downloads.data.nextCursor}#downloads-title`}
            >
              Older downloads
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
