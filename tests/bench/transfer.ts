import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import * as http from 'node:http';
import { countedGet } from './light-get.js';

export const MiB = 1024 * 1024;
const CHUNK = 256 * 1024;

/**
 * `size` bytes generated on demand, never held whole: a random 1 MiB pattern cut into 256 KiB
 * chunks, each a fresh buffer stamped with its own index, so no two chunks (and no two parts of
 * a multipart upload) are alike and a reordering would change the hash.
 */
export class GeneratedContent {
  private readonly pattern = randomBytes(MiB);
  constructor(readonly size: number) {}

  *chunks(): Generator<Buffer> {
    for (let offset = 0, index = 0; offset < this.size; offset += CHUNK, index++) {
      const length = Math.min(CHUNK, this.size - offset);
      const chunk = Buffer.allocUnsafe(length);
      const from = offset % this.pattern.length;
      this.pattern.copy(chunk, 0, from, from + length);
      if (length >= 8) chunk.writeBigUInt64BE(BigInt(index), 0);
      yield chunk;
    }
  }

  /** SHA-256 of the whole content: generates it once more, outside any timed section. */
  sha256(): string {
    const hash = createHash('sha256');
    for (const chunk of this.chunks()) hash.update(chunk);
    return hash.digest('hex');
  }
}

/** A multipart/form-data body of text fields and one file, with its exact length. */
export function multipartBody(
  fields: { name: string; value: string }[],
  file: { name: string; filename: string; contentType: string; content: GeneratedContent },
) {
  const boundary = `----liaison-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    fields
      .map(
        (field) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${field.name}"\r\n\r\n${field.value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.content.size + tail.length,
    *chunks(): Generator<Buffer> {
      yield head;
      yield* file.content.chunks();
      yield tail;
    },
  };
}

export interface Timed<T> {
  seconds: number;
  result: T;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/**
 * Sends `body` with backpressure (one chunk at a time, waiting for 'drain') and returns the
 * response. A plain node:http request on a fresh connection: as light a client as there is.
 */
export async function sendStream(
  url: string,
  options: { method: string; headers: Record<string, string | number>; body: Iterable<Buffer> },
): Promise<{ status: number; text: string }> {
  const request = http.request(url, {
    method: options.method,
    headers: options.headers,
    agent: false,
  });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  try {
    for (const chunk of options.body) {
      if (!request.write(chunk)) await once(request, 'drain');
    }
    request.end();
  } catch (error) {
    // The server may have answered early (e.g. 4xx) and closed: report its answer if there is one.
    const early = await Promise.race([
      response.then(readText),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1_000)),
    ]).catch(() => undefined);
    if (early) return early;
    throw error;
  }
  return readText(await response);
}

async function readText(response: http.IncomingMessage): Promise<{ status: number; text: string }> {
  let text = '';
  response.setEncoding('utf8');
  for await (const chunk of response) text += chunk;
  return { status: response.statusCode ?? 0, text };
}

/**
 * GETs `url` and consumes the body as it arrives, counting bytes (and hashing them only when
 * asked: the timed downloads don't, so the client stays light).
 */
export async function receiveStream(
  url: string,
  options: { headers?: Record<string, string>; sha256?: boolean } = {},
): Promise<{ status: number; bytes: number; sha256: string | undefined }> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.get(url, { headers: options.headers ?? {}, agent: false }, resolve);
    request.once('error', reject);
  });
  const hash = options.sha256 ? createHash('sha256') : undefined;
  let bytes = 0;
  response.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    hash?.update(chunk);
  });
  await once(response, 'end');
  return { status: response.statusCode ?? 0, bytes, sha256: hash?.digest('hex') };
}

export interface StoredVersion {
  id: string;
  sha256: string;
  size: number;
}

/**
 * Uploads `content` as a new version of the document through the API (multipart/form-data),
 * with its size declared as the CLI does (one PUT to the store), or without (multipart upload).
 */
export async function uploadThroughApi(
  apiUrl: string,
  token: string,
  documentId: string,
  label: string,
  content: GeneratedContent,
  declareSize = true,
): Promise<StoredVersion> {
  return postVersion(
    `${apiUrl}/api/v1/documents/${documentId}/versions`,
    { authorization: `Bearer ${token}` },
    label,
    content,
    declareSize,
  );
}

/**
 * Uploads `content` as a browser does on the portal's page: to the web app's upload proxy, with
 * the session cookie, its size declared.
 */
export async function uploadThroughWeb(
  webUrl: string,
  cookie: string,
  documentId: string,
  label: string,
  content: GeneratedContent,
): Promise<StoredVersion> {
  return postVersion(
    `${webUrl}/api/upload/${documentId}`,
    { cookie, origin: webUrl, 'sec-fetch-site': 'same-origin' },
    label,
    content,
    true,
  );
}

async function postVersion(
  url: string,
  headers: Record<string, string>,
  label: string,
  content: GeneratedContent,
  declareSize: boolean,
): Promise<StoredVersion> {
  const body = multipartBody(
    [
      { name: 'label', value: label },
      ...(declareSize ? [{ name: 'size', value: String(content.size) }] : []),
    ],
    { name: 'file', filename: 'bench.bin', contentType: 'application/octet-stream', content },
  );
  const { status, text } = await sendStream(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': body.contentType, 'content-length': body.length },
    body: body.chunks(),
  });
  if (status !== 201) throw new Error(`upload to ${url} answered ${status}: ${text}`);
  return JSON.parse(text) as StoredVersion;
}

/** PUTs `content` straight to the store with a presigned URL: the uploads' baseline. */
export async function uploadDirect(presignedPutUrl: string, content: GeneratedContent) {
  const { status, text } = await sendStream(presignedPutUrl, {
    method: 'PUT',
    headers: { 'content-length': content.size, 'content-type': 'application/octet-stream' },
    body: content.chunks(),
  });
  if (status !== 200) throw new Error(`presigned PUT answered ${status}: ${text}`);
}

/** GETs `url` and checks that all `size` bytes came, announced by the answer's Content-Length. */
export async function download(url: string, size: number, headers: Record<string, string> = {}) {
  const result = await countedGet(url, headers);
  if (result.status !== 200 || result.bytes !== size || result.contentLength !== size) {
    throw new Error(
      `GET ${url} answered ${result.status} with ${result.bytes} of ${size} bytes ` +
        `(Content-Length ${result.contentLength})`,
    );
  }
}
