// The download proxy behind every file link: the API's file answer, streamed to the browser as it
// arrives, with the session's bearer token added. Range and If-None-Match pass through, so resumed
// downloads, the PDF viewer's ranged reads and revalidation all work; nothing is buffered here.

import { sweepWebBody } from '@liaison/body-buffers';
import { isSlug } from '@liaison/core';
import type { NextRequest } from 'next/server';
import { apiFetch, errorBodyOf } from './api';
import { downloadRequestHeaders, downloadResponseHeaders, isUuid } from './proxy';
import { getAccessToken } from './session';

export interface DownloadProxyOptions {
  /** The route's path parameters; any that is not a UUID names nothing, so the API is not asked. */
  ids: readonly string[];
  /** Path parameters that are slugs, likewise (a register's). */
  slugs?: readonly string[];
  /** The API path of the file's bytes, without the query. */
  apiPath: string;
  /** The portal page of the file, which renders the not-found page for a missing one. */
  notFoundPage: string;
  /**
   * API statuses that mean "missing, or not visible to this session", answered exactly like a
   * missing file. Each route names its own: an API may answer an anonymous caller 401 rather
   * than 404, and that must not tell a stranger the file exists.
   */
  hiddenStatuses: readonly number[];
}

/** A browser navigating to the link (or loading it into the preview frame), not a script. */
function wantsPage(headers: Headers): boolean {
  const destination = headers.get('sec-fetch-dest');
  if (destination) return destination === 'document' || destination === 'iframe';
  return /\btext\/html\b/.test(headers.get('accept') ?? '');
}

function notFoundAnswer(headers: Headers, page: string): Response {
  // A route handler cannot render the not-found page (notFound() here sends an empty 404), so
  // browsers opening the link are sent to a page that renders it with a 404 status; other clients
  // get a plain 404.
  if (wantsPage(headers)) {
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

async function proxyDownload(
  request: NextRequest,
  options: DownloadProxyOptions,
): Promise<Response> {
  if (!options.ids.every(isUuid) || !(options.slugs ?? []).every(isSlug)) {
    return notFoundAnswer(request.headers, options.notFoundPage);
  }
  const inline = request.nextUrl.searchParams.get('inline') === '1';
  const token = await getAccessToken();

  let upstream: Response;
  try {
    const headers = downloadRequestHeaders(request.headers, token);
    headers.set('accept', '*/*');
    upstream = await apiFetch(`${options.apiPath}${inline ? '?inline=1' : ''}`, {
      token,
      headers,
      timeoutMs: null,
      signal: request.signal,
    });
  } catch {
    return new Response('Liaison cannot be reached right now. Try again in a moment.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }

  if (options.hiddenStatuses.includes(upstream.status)) {
    await upstream.body?.cancel();
    return notFoundAnswer(request.headers, options.notFoundPage);
  }
  if (upstream.ok || upstream.status === 304) {
    // fetch hands out every chunk in buffers of its own: swept, they die young (a full collection
    // of the web server's heap per 64 MiB otherwise).
    return new Response(upstream.body && sweepWebBody(upstream.body), {
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

/**
 * The GET handler of a file link: `optionsFor` turns the route's path parameters (named by
 * `Param`) into what proxyDownload needs.
 */
export function downloadRoute<Param extends string>(
  optionsFor: (params: Record<Param, string>) => DownloadProxyOptions,
): (
  request: NextRequest,
  context: { params: Promise<Record<Param, string>> },
) => Promise<Response> {
  return async (request, context) => proxyDownload(request, optionsFor(await context.params));
}
