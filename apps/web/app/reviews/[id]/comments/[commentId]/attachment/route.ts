// The download link of a review comment's attachment (see lib/download-proxy). Every read is
// audited by the API.

import type { NextRequest } from 'next/server';
import { proxyDownload } from '../../../../../../lib/download-proxy';
import { reviewPath } from '../../../../../../lib/review-rules';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; commentId: string }> };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id, commentId } = await context.params;
  return proxyDownload(request, {
    ids: [id, commentId],
    apiPath: `/api/v1/comments/${commentId}/attachment/content`,
    notFoundPage: reviewPath(id),
    hiddenStatuses: [404, 401],
  });
}
