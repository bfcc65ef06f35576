// Sends a request body that is a stream to the API with node:http rather than fetch(). Node's
// fetch (undici 6, nodejs/undici#4058) keeps every chunk of a streamed request body in memory until
// the request ends: measured here, a 1 GiB upload grew the web server by about 1 GiB. A plain
// http.request fed through pipe() keeps only what is in flight, and honours backpressure: the
// browser's socket is read no faster than the API takes the bytes.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { sweepBodyBuffers } from '@liaison/body-buffers';
import { apiBaseUrl } from './api';
import { signedBrowserAddress } from './browser-address';
import { isMultipartFormData, isSameOriginRequest, isUuid, uploadRequestHeaders } from './proxy';
import { getAccessToken } from './session';

/** The API's answers to an upload are small JSON documents; anything beyond this is cut off. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface ForwardedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * POSTs `body` to `url` as it arrives and resolves with the API's answer. An answer that comes
 * before the body is complete (a refused label, a size over the limit) wins: the rest of the body
 * is not sent. Rejects when there is no answer at all, or when `signal` aborts (the browser left).
 */
export function forwardStream(
  url: string,
  headers: Headers,
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<ForwardedAnswer> {
  return new Promise<ForwardedAnswer>((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    let answered = false;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      outgoing.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };

    const outgoing = send(target, {
      method: 'POST',
      headers: Object.fromEntries(headers),
      // The whole request may take as long as the file does; only an idle socket is a failure.
      timeout: 5 * 60_000,
    });
    outgoing.on('timeout', () => fail(new Error('The API stopped reading the upload')));
    outgoing.on('error', (error) => {
      // The API may answer early and close while bytes are still going out (EPIPE/ECONNRESET):
      // its answer is what counts.
      if (!answered) fail(error);
    });
    outgoing.on('response', (response: IncomingMessage) => {
      answered = true;
      source.unpipe(outgoing);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        if (settled) return;
        settled = true;
        if (!source.readableEnded) source.destroy();
        resolve({
          status: response.statusCode ?? 502,
          contentType: String(response.headers['content-type'] ?? 'application/json'),
          body: Buffer.concat(chunks),
        });
      });
    });

    if (signal) {
      if (signal.aborted) return fail(signal.reason ?? new Error('aborted'));
      signal.addEventListener('abort', () => fail(signal.reason ?? new Error('aborted')), {
        once: true,
      });
    }
    source.on('error', (error) => {
      if (!answered) fail(error);
    });
    source.pipe(outgoing);
    // The HTTP parser copies every chunk of the browser's body: swept, those copies die young.
    sweepBodyBuffers(source);
  });
}

/** The upload routes' own refusals, in the API's error shape so the browser reads one format. */
export function uploadFailure(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

export interface UploadProxyOptions {
  /** The API path the multipart body is posted to. */
  apiPath: string;
  /** What the person is told, in the words of the route's own form. */
  messages: { crossSite: string; notMultipart: string; noBody: string };
}

/**
 * The upload routes: the browser's multipart body goes to the API as it arrives, in one hop, with
 * the session's bearer token added. Nothing here reads, parses or buffers the body, so a 1 GiB
 * file costs the web server no more memory than a small one; the API streams it into storage and
 * computes its SHA-256 on the way.
 */
export async function proxyUpload(
  request: Request,
  { apiPath, messages }: UploadProxyOptions,
): Promise<Response> {
  // The session cookie would ride along on a forged cross-site post; only the portal may post.
  if (!isSameOriginRequest(request.headers)) {
    return uploadFailure(403, 'cross_site', messages.crossSite);
  }
  if (!isMultipartFormData(request.headers.get('content-type'))) {
    return uploadFailure(415, 'unsupported_media_type', messages.notMultipart);
  }
  const token = await getAccessToken();
  if (!token) {
    return uploadFailure(401, 'unauthenticated', 'Your session has expired. Sign in again.');
  }
  if (!request.body) return uploadFailure(400, 'file_missing', messages.noBody);

  let answer: ForwardedAnswer;
  try {
    answer = await forwardStream(
      `${apiBaseUrl()}${apiPath}`,
      uploadRequestHeaders(request.headers, token, signedBrowserAddress(request.headers)),
      request.body,
      // Cancelled when the browser goes away (xhr.abort()): the API then drops the partial files.
      request.signal,
    );
  } catch {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return uploadFailure(502, 'api_unreachable', 'Liaison cannot be reached right now. Try again.');
  }
  return new Response(new Uint8Array(answer.body), {
    status: answer.status,
    headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' },
  });
}

export interface IdUploadRouteOptions {
  /** The refusal of an id that is no UUID, worded like the API's answer for a missing object. */
  notFound: string;
  /** The API path the multipart body is posted to, under the object of this id. */
  apiPath: (id: string) => string;
  messages: UploadProxyOptions['messages'];
}

/**
 * The POST handler of an upload route under `[id]` (a comment, an attachment, added files, a
 * version): an id that is no UUID answers 404 without asking the API; any other goes to
 * `apiPath(id)` through proxyUpload.
 */
export function idUploadRoute({
  notFound,
  apiPath,
  messages,
}: IdUploadRouteOptions): (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response> {
  return async (request, context) => {
    const { id } = await context.params;
    if (!isUuid(id)) return uploadFailure(404, 'not_found', notFound);
    return proxyUpload(request, { apiPath: apiPath(id), messages });
  };
}
