// The download link of a document version (see lib/download-proxy).

import type { NextRequest } from 'next/server';
import { proxyDownload } from '../../../../../../lib/download-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; versionId: string }> };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id, versionId } = await context.params;
  return proxyDownload(request, {
    ids: [id, versionId],
    apiPath: `/api/v1/documents/${id}/versions/${versionId}/content`,
    notFoundPage: `/documents/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`,
    // The API answers a hidden version 404 to everyone, anonymous callers included.
    hiddenStatuses: [404],
  });
}
