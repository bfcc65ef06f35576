import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import { LiaisonApiError, LiaisonNetworkError } from './errors.js';

export interface Exchange {
  request: http.ClientRequest;
  response: http.IncomingMessage;
}

export interface SendOptions {
  method: string;
  headers: http.OutgoingHttpHeaders;
  /** A stream is piped with backpressure, so a large file is never held in memory. */
  body?: Buffer | Readable;
  /** The connection is given up after this long without a byte either way. */
  idleTimeoutMs: number;
  /**
   * The whole exchange, up to the answer's last byte, is given up after this long, however the
   * bytes trickle in. Cleared once the request is closed (readText closes it when done).
   */
  timeoutMs?: number | undefined;
}

/** Why a timed-out call fails: a LiaisonNetworkError whose `code` is ETIMEDOUT. */
function timedOut(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT' });
}

/**
 * Sends one request over node:http(s) and resolves as soon as the response headers arrive. Not
 * fetch: Node 20's fetch keeps every chunk of a streamed request body in memory. When the API
 * answers before a streamed body is complete (a refused upload), the rest is not sent.
 */
export function send(url: URL, options: SendOptions): Promise<Exchange> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let answer: http.IncomingMessage | undefined;
    let sourceError: unknown;
    const request = transport.request(url, { method: options.method, headers: options.headers });
    request.setTimeout(options.idleTimeoutMs, () => {
      request.destroy(timedOut(`no answer within ${seconds(options.idleTimeoutMs)} s`));
    });
    if (options.timeoutMs !== undefined) {
      const limit = setTimeout(() => {
        const error = timedOut(`no complete answer within ${seconds(options.timeoutMs!)} s`);
        answer?.destroy(error);
        request.destroy(error);
      }, options.timeoutMs);
      request.once('close', () => clearTimeout(limit));
    }
    request.on('error', (error) => {
      // Once answered, a failing request side (the server stopped reading a refused upload) does
      // not matter: the response says what happened.
      if (answer) return;
      reject(
        sourceError ??
          new LiaisonNetworkError(`${url.origin}: ${error.message}`, url.origin, { cause: error }),
      );
    });
    request.once('response', (response) => {
      answer = response;
      const body = options.body;
      if (body && !Buffer.isBuffer(body) && !body.readableEnded) {
        body.unpipe(request);
        body.destroy();
      }
      resolve({ request, response });
    });
    const body = options.body;
    if (body === undefined) request.end();
    else if (Buffer.isBuffer(body)) request.end(body);
    else {
      body.once('error', (error) => {
        sourceError = error;
        request.destroy(error);
      });
      body.pipe(request);
    }
  });
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** The whole (small) response body as text; a connection lost meanwhile is a network error. */
export async function readText(exchange: Exchange, url: URL): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of exchange.response) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new LiaisonNetworkError(
      `${url.origin}: the answer broke off (${(error as Error).message})`,
      url.origin,
      { cause: error },
    );
  } finally {
    exchange.request.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The API's `{error: {code, message}}` as a typed error; a body of another shape (a proxy's HTML) too. */
export async function apiError(exchange: Exchange, url: URL, what: string): Promise<never> {
  const status = exchange.response.statusCode ?? 0;
  const text = await readText(exchange, url);
  let code = `http_${status}`;
  let message = `${status} ${exchange.response.statusMessage ?? ''}`.trim();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new LiaisonApiError(status, code, message, what);
}
