// The resolution log as a file (CSV or JSON), streamed from the API with the session's token. A
// log the person may not read answers 404 like a missing one.

import type { NextRequest } from 'next/server';
import { apiFetch } from '../../../../lib/api';
import { plainAnswer } from '../../../../lib/plain-answer';
import { isUuid } from '../../../../lib/proxy';
import { logFilters } from '../../../../lib/review-rules';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const notFound = () => plainAnswer(404, 'Not found');

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { id } = await context.params;
  const format = request.nextUrl.searchParams.get('format') === 'json' ? 'json' : 'csv';
  if (!isUuid(id)) return notFound();
  const query = new URLSearchParams({
    format,
    ...logFilters(Object.fromEntries(request.nextUrl.searchParams)),
  });
  let upstream: Response;
  try {
    upstream = await apiFetch(`/api/v1/reviews/${id}/log?${query}`, {
      headers: { accept: format === 'csv' ? 'text/csv' : 'application/json' },
      timeoutMs: null,
      signal: request.signal,
    });
  } catch {
    return plainAnswer(502, 'Liaison cannot be reached right now. Try again in a moment.');
  }
  if (!upstream.ok) {
    await upstream.body?.cancel();
    return upstream.status === 404 || upstream.status === 401
      ? notFound()
      : plainAnswer(502, `The log cannot be exported right now (${upstream.status}).`);
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      'content-disposition': `attachment; filename="resolution-log-${id}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
