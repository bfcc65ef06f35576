import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import {
  type ByteRange,
  InvalidRangeError,
  ObjectNotFoundError,
  StorageError,
  StorageUnavailableError,
} from './object-storage.js';

/**
 * GETs an object, or a range of it, from a presigned URL with `fetch`. Not with `node:http` (nor
 * the minio client, which uses it): its parser copies every chunk of a response body into a new
 * buffer, and relaying a large file through the API, those allocations made V8 run a full
 * mark-compact of the API's heap every few hundred milliseconds (external memory pressure): two
 * thirds of the CPU a download cost. `fetch` hands on the socket's chunks as they came.
 * `headersWithinMs` bounds the wait for the answer's headers; the body is not timed (a slow reader
 * is not a dead store). Destroying the stream closes the connection.
 */
export async function getPresigned(options: {
  url: string;
  key: string;
  range: ByteRange | undefined;
  headersWithinMs: number;
}): Promise<Readable> {
  const { key, range } = options;
  const target = new URL(options.url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new StorageUnavailableError(
        `object storage at ${target} did not answer within ${options.headersWithinMs} ms`,
      ),
    );
  }, options.headersWithinMs);
  let response: Response;
  try {
    response = await fetch(options.url, {
      headers: range ? { range: `bytes=${range.start}-${range.end ?? ''}` } : {},
      signal: controller.signal,
    });
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    throw new StorageUnavailableError(
      `reading "${key}" failed: object storage at ${target} cannot be reached`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 200 || response.status === 206) {
    return response.body ? Readable.fromWeb(response.body as ReadableStream) : Readable.from([]);
  }
  const text = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  if (code === 'NoSuchKey' || (response.status === 404 && code === undefined)) {
    throw new ObjectNotFoundError(key);
  }
  if (range && (code === 'InvalidRange' || response.status === 416)) {
    throw new InvalidRangeError(range);
  }
  const failure = `reading "${key}" failed: ${response.status} ${code ?? response.statusText}`;
  if (response.status >= 500) throw new StorageUnavailableError(failure);
  throw new StorageError(failure);
}
