// The download proxy: the API's file answer, streamed to the browser as it arrives, with the
// session's bearer token added. Range and If-None-Match pass through, so resumed downloads, the
// PDF viewer's ranged reads and revalidation all work; nothing is buffered here.

import type { NextRequest } from 'next/server';
import { apiFetch, errorBodyOf } from '../../../../../../lib/api';
import {
  downloadRequestHeaders,
  downloadResponseHeaders,
  isUuid,
} from '../../../../../../lib/proxy';
import { getAccessToken } from '../../../../../../lib/session';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; versionId: string }> };

/** A browser navigating to the link (or loading it into the preview frame), not a script. */
function wantsPage(headers: Headers): boolean {
  const destination = headers.get('sec-fetch-dest');
  if (destination) return destination === 'document' || destination === 'iframe';
  return /\btext\/html\b/.test(headers.get('accept') ?? '');
}

function notFoundAnswer(headers: Headers, id: string, versionId: string): Response {
  if (wantsPage(headers)) {
    const page = `/documents/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`;
    return new Response(null, {
      status: 303,
      headers: { location: page, 'cache-control': 'no-store' },
    });
  }
  return new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id, versionId } = await context.params;
  if (!isUuid(id) || !isUuid(versionId)) return notFoundAnswer(request.headers, id, versionId);
  const inline = request.nextUrl.searchParams.get('inline') === '1';
  const token = await getAccessToken();

  let upstream: Response;
  try {
    upstream = await apiFetch(
      `/api/v1/documents/${id}/versions/${versionId}/content${inline ? '?inline=1' : ''}`,
      {
        token,
        headers: (() => {
          const headers = downloadRequestHeaders(request.headers, token);
          headers.set('accept', '*/*');
          return headers;
        })(),
        timeoutMs: null,
        signal: request.signal,
      },
    );
  } catch {
    return new Response('Liaison cannot be reached right now. Try again in a moment.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }

  // Missing, or not visible to this session: the same answer as for a missing document. A route
  // handler cannot render the not-found page (notFound() here sends an empty 404), so browsers
  // opening the link are sent to a page that renders it with a 404 status; other clients get a
  // plain 404.
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    return notFoundAnswer(request.headers, id, versionId);
  }
  if (upstream.ok || upstream.status === 304) {
    return new Response(upstream.body, {
      status: upstream.status,
      headers: downloadResponseHeaders(upstream.headers, inline),
    });
  }
  const error = await errorBodyOf(upstream);
  const headers = new Headers({
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  const contentRange = upstream.headers.get('content-range');
  if (contentRange) headers.set('content-range', contentRange);
  return new Response(error?.message ?? 'This file cannot be served.', {
    status: upstream.status,
    headers,
  });
}
