// The new-submission proxy: the browser's multipart body (fields, then the files) goes to the API
// as it arrives, in one hop, with the session's bearer token added. Nothing here reads, parses or
// buffers the body; the API streams every file into storage and computes its SHA-256 on the way.
// (node:http, not fetch(): see lib/upload-proxy.ts.)

import { apiBaseUrl } from '../../../lib/api';
import { isMultipartFormData, isSameOriginRequest, uploadRequestHeaders } from '../../../lib/proxy';
import { getAccessToken } from '../../../lib/session';
import { type ForwardedAnswer, forwardStream } from '../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

function fail(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

export async function POST(request: Request): Promise<Response> {
  // The session cookie would ride along on a forged cross-site post; only the portal may post.
  if (!isSameOriginRequest(request.headers)) {
    return fail(403, 'cross_site', 'Submissions are accepted from the Liaison portal only');
  }
  if (!isMultipartFormData(request.headers.get('content-type'))) {
    return fail(415, 'unsupported_media_type', 'Send the submission as multipart/form-data');
  }
  const token = await getAccessToken();
  if (!token) return fail(401, 'unauthenticated', 'Your session has expired. Sign in again.');
  if (!request.body) return fail(400, 'file_missing', 'Add at least one file');

  let answer: ForwardedAnswer;
  try {
    answer = await forwardStream(
      `${apiBaseUrl()}/api/v1/submissions`,
      uploadRequestHeaders(request.headers, token),
      request.body,
      // Cancelled when the browser goes away (xhr.abort()): the API then drops the partial files.
      request.signal,
    );
  } catch {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return fail(502, 'api_unreachable', 'Liaison cannot be reached right now. Try again.');
  }
  return new Response(new Uint8Array(answer.body), {
    status: answer.status,
    headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' },
  });
}
