// The "Download all (zip)" link of a register page (see lib/download-proxy).

import type { NextRequest } from 'next/server';
import { proxyDownload } from '../../../../lib/download-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { slug } = await context.params;
  return proxyDownload(request, {
    ids: [],
    slugs: [slug],
    apiPath: `/api/v1/registers/${encodeURIComponent(slug)}/files.zip`,
    notFoundPage: `/registers/${encodeURIComponent(slug)}`,
    // The API answers a register the session may not read 404, like a missing one.
    hiddenStatuses: [404],
  });
}
