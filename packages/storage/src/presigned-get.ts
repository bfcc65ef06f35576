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
export async function getPresigned(options: PresignedGet): Promise<Readable> {
  const response = await fetchPresigned(options);
  return response.body ? Readable.fromWeb(response.body as ReadableStream) : Readable.from([]);
}

/**
 * The whole object in one buffer of `size` bytes, read straight into it (a BYOB reader): no chunk
 * is allocated on the way, so reading a file costs that file's size in memory and no garbage to
 * collect later. Rejects with {@link StorageError} when the object is not `size` bytes long.
 */
export async function readPresignedBytes(
  options: Omit<PresignedGet, 'range'>,
  size: number,
): Promise<Buffer> {
  const response = await fetchPresigned({ ...options, range: undefined });
  const reader = response.body?.getReader({ mode: 'byob' });
  let buffer = new ArrayBuffer(size);
  let filled = 0;
  try {
    while (filled < size && reader) {
      const { value, done } = await reader.read(new Uint8Array(buffer, filled, size - filled));
      if (done || !value) break;
      filled += value.byteLength;
      // The read hands the memory back in a new ArrayBuffer: the one passed in is detached.
      buffer = value.buffer as ArrayBuffer;
    }
    const extra = reader ? await reader.read(new Uint8Array(1)) : { done: true };
    if (filled !== size || !extra.done) {
      throw new StorageError(
        `reading "${options.key}" failed: it is ${filled < size ? 'shorter' : 'longer'} than the ${size} bytes expected`,
      );
    }
  } finally {
    await reader?.cancel().catch(() => {});
  }
  return Buffer.from(buffer, 0, size);
}

interface PresignedGet {
  url: string;
  key: string;
  range: ByteRange | undefined;
  headersWithinMs: number;
}

/** The store's successful answer (200 or 206), or its error mapped to a StorageError. */
async function fetchPresigned(options: PresignedGet): Promise<Response> {
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
  if (response.status === 200 || response.status === 206) return response;
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
