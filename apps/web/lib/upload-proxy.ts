// Sends a request body that is a stream to the API with node:http rather than fetch(). Node's
// fetch (undici 6, nodejs/undici#4058) keeps every chunk of a streamed request body in memory until
// the request ends: measured here, a 1 GiB upload grew the web server by about 1 GiB. A plain
// http.request fed through pipe() keeps only what is in flight, and honours backpressure: the
// browser's socket is read no faster than the API takes the bytes.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

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
  });
}
