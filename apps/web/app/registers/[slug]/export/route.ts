import { isSlug } from '@liaison/core';
import { apiFetch } from '../../../../lib/api';
import { plainAnswer } from '../../../../lib/plain-answer';

export const dynamic = 'force-dynamic';

/**
 * GET /registers/:slug/export : the register as its structured JSON file, from the API's
 * GET /api/v1/registers/:slug/export, as the visitor (a draft exports for its parties only; the API
 * decides). Same origin, so the session's token never reaches the browser.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await params;
  if (!isSlug(slug)) return plainAnswer(404, 'No such work register.');
  let upstream: Response;
  try {
    upstream = await apiFetch(`/api/v1/registers/${encodeURIComponent(slug)}/export`, {
      timeoutMs: 30_000,
    });
  } catch {
    return plainAnswer(502, 'The Liaison API cannot be reached right now. Try again in a moment.');
  }
  if (!upstream.ok) {
    const status = upstream.status === 403 ? 404 : upstream.status;
    return plainAnswer(
      status,
      status === 404
        ? 'No such work register.'
        : `The register cannot be exported (HTTP ${status}).`,
    );
  }
  const headers = new Headers({
    'content-type': upstream.headers.get('content-type') ?? 'application/json; charset=utf-8',
    'content-disposition':
      upstream.headers.get('content-disposition') ?? `attachment; filename="${slug}.json"`,
    'cache-control': 'no-store, private',
    'x-content-type-options': 'nosniff',
  });
  return new Response(upstream.body, { status: 200, headers });
}
