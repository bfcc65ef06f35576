// A real HTTP server standing in for the API, for the tests of the web app's streaming proxies.
import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { closeServer, listenOnLoopback } from './loopback-server';

/** A request the fake API read to the end: how many bytes its body had and their SHA-256. */
export interface ReceivedRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  bytes: number;
  sha256: string;
}

export interface FakeApi {
  /** Every request read to the end since the last `forget()`, in order. */
  readonly received: ReceivedRequest[];
  forget(): void;
}

/**
 * Starts the fake API before the file's tests (pointing LIAISON_API_URL at it) and stops it after.
 * `intercept` may answer a request before its body is read (returning true); otherwise the body is
 * read, recorded, and `answer` replies.
 */
export function startFakeApi(handlers: {
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  answer: (req: IncomingMessage, res: ServerResponse, received: ReceivedRequest) => void;
}): FakeApi {
  const received: ReceivedRequest[] = [];
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (handlers.intercept?.(req, res)) return;
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      req.on('end', () => {
        const request = {
          method: req.method,
          url: req.url,
          headers: req.headers,
          bytes,
          sha256: hash.digest('hex'),
        };
        received.push(request);
        handlers.answer(req, res, request);
      });
    });
    process.env.LIAISON_API_URL = await listenOnLoopback(server);
  });
  afterAll(async () => {
    await closeServer(server);
  });
  return {
    received,
    forget: () => {
      received.length = 0;
    },
  };
}

export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers a download the way the API does: whole, as the first 10 bytes for `Range: bytes=0-9`. */
export function answerFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: Buffer,
  headers: Record<string, string>,
): void {
  if (req.headers.range === 'bytes=0-9') {
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes 0-9/${file.length}`,
      'content-length': 10,
    });
    res.end(file.subarray(0, 10));
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': file.length });
  res.end(file);
}

/**
 * A multipart/form-data body with the given text fields and then `file` (as a.bin), streamed in
 * parts as a browser sends it.
 */
function streamedMultipart(
  fields: Record<string, string>,
  file: Buffer,
  boundary = '----liaison-test',
): { body: ReadableStream<Uint8Array>; type: string; length: number } {
  const head = Buffer.from(
    Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const parts = [head, file.subarray(0, 1024 * 1024), file.subarray(1024 * 1024), tail];
  return {
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next) controller.enqueue(new Uint8Array(next));
        else controller.close();
      },
    }),
    type: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.length + tail.length,
  };
}

/**
 * A browser's upload from the portal's own page (same-origin, with its session cookie): a POST to
 * `url` streaming `fields` and then `file` as multipart/form-data, with the body's type and length.
 */
export function streamedUpload(
  url: string,
  fields: Record<string, string>,
  file: Buffer,
  boundary?: string,
): { request: Request; type: string; length: number } {
  const { body, type, length } = streamedMultipart(fields, file, boundary);
  const request = new Request(url, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: {
      'content-type': type,
      'content-length': String(length),
      'sec-fetch-site': 'same-origin',
      cookie: 'next-auth.session-token=secret',
    },
  } as RequestInit);
  return { request, type, length };
}

/** A route handler's second argument. */
export const params = <T>(value: T) => ({ params: Promise.resolve(value) });
