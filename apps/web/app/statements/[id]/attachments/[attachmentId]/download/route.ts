// The download link of a statement's attachment (see lib/download-proxy). Every read is audited
// by the API.

import type { NextRequest } from 'next/server';
import { proxyDownload } from '../../../../../../lib/download-proxy';
import { statementPath } from '../../../../../../lib/statement-links';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; attachmentId: string }> };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id, attachmentId } = await context.params;
  return proxyDownload(request, {
    ids: [id, attachmentId],
    apiPath: `/api/v1/statements/${id}/attachments/${attachmentId}/content`,
    // The statement's page renders the not-found page when the statement cannot be read.
    notFoundPage: statementPath(id),
    hiddenStatuses: [404, 401],
  });
}
