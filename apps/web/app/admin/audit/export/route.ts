import type { AuditList } from '@liaison/client';
import { CSV_BOM, csvRow } from '@liaison/core';
import { type ApiResponse, fromApi } from '../../../../lib/api';
import { AUDIT_CSV_HEADER, auditCsvFilename, auditCsvRows } from '../../../../lib/audit-csv';
import { auditApiQuery, parseAuditFilters } from '../../../../lib/audit-filters';
import { plainAnswer } from '../../../../lib/plain-answer';
import { getAccessToken } from '../../../../lib/session';

export const dynamic = 'force-dynamic';

/** Events per API call (the API's maximum). */
const PAGE_SIZE = 500;
/** A ceiling on one export, so a runaway loop cannot tie up the server. */
const MAX_PAGES = 2_000;

/**
 * GET /admin/audit/export?action=&actor=&object=&organization=&from=&to= : the audit events
 * matching the audit page's filters as CSV, streamed page by page from the API so that a long
 * log never sits in memory whole. The API decides what the caller may read.
 */
export async function GET(request: Request): Promise<Response> {
  const token = await getAccessToken();
  if (!token) {
    return plainAnswer(401, 'Sign in to export the audit log.');
  }
  const { filters } = parseAuditFilters(new URL(request.url).searchParams);
  const fetchPage = (cursor?: string): Promise<ApiResponse<AuditList>> =>
    fromApi(
      (client) => client.listAuditEvents(auditApiQuery(filters, { cursor, limit: PAGE_SIZE })),
      { token, timeoutMs: 30_000 },
    );

  // The first page decides the status: an error becomes a plain answer, not a broken file.
  const first = await fetchPage();
  if (!first.ok) {
    const status = first.error.status >= 400 ? first.error.status : 502;
    return plainAnswer(status, `The audit log cannot be exported: ${first.error.message}`);
  }

  const encoder = new TextEncoder();
  let cursor = first.data.nextCursor;
  let pages = 1;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(AUDIT_CSV_HEADER)));
      controller.enqueue(encoder.encode(auditCsvRows(first.data.items)));
      if (!cursor) controller.close();
    },
    // Called whenever the consumer wants more: one API page per pull (backpressure).
    async pull(controller) {
      if (!cursor) {
        controller.close();
        return;
      }
      if (pages >= MAX_PAGES) {
        controller.error(new Error('Audit export exceeded its page limit'));
        return;
      }
      const page = await fetchPage(cursor);
      pages++;
      if (!page.ok) {
        // Abort the download rather than hand over a silently truncated file.
        controller.error(new Error(`Audit export failed: ${page.error.message}`));
        return;
      }
      controller.enqueue(encoder.encode(auditCsvRows(page.data.items)));
      cursor = page.data.nextCursor;
      if (!cursor) controller.close();
    },
  });

  const filename = auditCsvFilename();
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store, private',
      'x-content-type-options': 'nosniff',
    },
  });
}
