// The download proxy for a submission's files: the API's file answer, streamed to the browser as
// it arrives, with the session's bearer token added. Range and If-None-Match pass through; nothing
// is buffered here. Every read is audited by the API.

import type { NextRequest } from 'next/server';
import { apiFetch, errorBodyOf } from '../../../../../../lib/api';
import {
  downloadRequestHeaders,
  downloadResponseHeaders,
  isUuid,
} from '../../../../../../lib/proxy';
import { getAccessToken } from '../../../../../../lib/session';
import { submissionFilePath } from '../../../../../../lib/submission-links';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; fileId: string }> };

/** A browser navigating to the link, not a script. */
function wantsPage(headers: Headers): boolean {
  const destination = headers.get('sec-fetch-dest');
  if (destination) return destination === 'document' || destination === 'iframe';
  return /\btext\/html\b/.test(headers.get('accept') ?? '');
}

function notFoundAnswer(headers: Headers, id: string, fileId: string): Response {
  // A route handler cannot render the not-found page: browsers go to a page that does, with a
  // 404 status; other clients get a plain 404.
  if (wantsPage(headers)) {
    return new Response(null, {
      status: 303,
      headers: { location: submissionFilePath(id, fileId), 'cache-control': 'no-store' },
    });
  }
  return new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id, fileId } = await context.params;
  if (!isUuid(id) || !isUuid(fileId)) return notFoundAnswer(request.headers, id, fileId);
  const inline = request.nextUrl.searchParams.get('inline') === '1';
  const token = await getAccessToken();

  let upstream: Response;
  try {
    const headers = downloadRequestHeaders(request.headers, token);
    headers.set('accept', '*/*');
    upstream = await apiFetch(
      `/api/v1/submissions/${id}/files/${fileId}/content${inline ? '?inline=1' : ''}`,
      { token, headers, timeoutMs: null, signal: request.signal },
    );
  } catch {
    return new Response('Liaison cannot be reached right now. Try again in a moment.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }

  // Missing, or not readable by this session (anonymous included): the same answer.
  if (upstream.status === 404 || upstream.status === 401) {
    await upstream.body?.cancel();
    return notFoundAnswer(request.headers, id, fileId);
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
