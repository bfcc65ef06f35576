import { createHash } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import { type Transport, transportWithTimeouts } from './http-transport.js';
import {
  type ByteRange,
  type IncompleteUpload,
  InvalidRangeError,
  isValidKeyPrefix,
  isValidObjectKey,
  MAX_SINGLE_PUT_BYTES,
  type ObjectInfo,
  ObjectNotFoundError,
  ObjectSizeMismatchError,
  type ObjectStorage,
  type ObjectSummary,
  ObjectTooLargeError,
  type PutStreamOptions,
  StorageError,
  StorageUnavailableError,
  type StoredObject,
  UploadAbortedError,
} from './object-storage.js';
import { getPresigned, readPresignedBytes } from './presigned-get.js';
import { putSized } from './sized-put.js';
import { SourceReader } from './source-reader.js';

const MiB = 1024 * 1024;
/** S3's smallest allowed part (all but the last). */
export const MIN_PART_SIZE = 5 * MiB;
export const DEFAULT_PART_SIZE = 8 * MiB;
/** S3's largest part number. */
const MAX_PARTS = 10_000;
const DEFAULT_PRESIGN_EXPIRY_SECONDS = 15 * 60;
/** getStream's own URLs are used at once: a minute allows for the store's clock being behind. */
const GET_URL_EXPIRY_SECONDS = 60;

export interface S3StorageConfig {
  /** `http://host:port` or `https://host[:port]`, no path. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Multipart part size in bytes; default 8 MiB, at least 5 MiB. */
  partSize?: number;
  /**
   * Parts uploaded at the same time; default 2. A `putStream` holds at most this many part
   * buffers (the one being filled counts), so its memory is about `partSize * partConcurrency`.
   */
  partConcurrency?: number;
  /** Time allowed to open a connection; default 5000 ms. */
  connectTimeoutMs?: number;
  /** Time allowed between sending a request and receiving the response headers; default 120 s. */
  responseTimeoutMs?: number;
  /** Total time `isReachable` may take; default 3000 ms. */
  probeTimeoutMs?: number;
  /** Keys per listing request; default 1000 (S3's maximum). */
  listPageSize?: number;
}

export interface S3Storage extends ObjectStorage {
  readonly bucket: string;
  /**
   * A URL that lets whoever holds it PUT the object `key` directly to the store, without
   * credentials, for `expirySeconds` (default 15 minutes, at most 7 days). Computed locally: no
   * request is made. Nothing checks what gets stored there (size, hash): for trusted clients only,
   * such as benchmarks comparing the API with the store itself.
   */
  presignedPutUrl(key: string, expirySeconds?: number): Promise<string>;
  /** A URL that lets whoever holds it GET the object `key` directly from the store; as above. */
  presignedGetUrl(key: string, expirySeconds?: number): Promise<string>;
  /** Destroys the connection pool (idle and active sockets). Use nothing afterwards. */
  close(): void;
}

export function createS3Storage(config: S3StorageConfig): S3Storage {
  return new S3ObjectStorage(config);
}

interface Settings {
  bucket: string;
  endpoint: string;
  partSize: number;
  partConcurrency: number;
  probeTimeoutMs: number;
  listPageSize: number;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
}

class S3ObjectStorage implements S3Storage {
  readonly bucket: string;
  private readonly settings: Settings;
  private readonly agent: http.Agent;
  private readonly transport: Transport;
  private readonly client: Minio.Client;
  /** Same connection pool, short timeouts and no retries: for `isReachable`. */
  private readonly probe: Minio.Client;

  constructor(config: S3StorageConfig) {
    const url = parseEndpoint(config.endpoint);
    const partSize = config.partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isSafeInteger(partSize) || partSize < MIN_PART_SIZE) {
      throw new TypeError(`partSize must be an integer of at least ${MIN_PART_SIZE} bytes`);
    }
    const partConcurrency = config.partConcurrency ?? 2;
    if (!Number.isSafeInteger(partConcurrency) || partConcurrency < 1) {
      throw new TypeError('partConcurrency must be a positive integer');
    }
    const listPageSize = config.listPageSize ?? 1000;
    if (!Number.isSafeInteger(listPageSize) || listPageSize < 1 || listPageSize > 1000) {
      throw new TypeError('listPageSize must be an integer from 1 to 1000');
    }
    const probeTimeoutMs = config.probeTimeoutMs ?? 3000;
    this.bucket = config.bucket;
    this.settings = {
      bucket: config.bucket,
      endpoint: url.origin,
      partSize,
      partConcurrency,
      probeTimeoutMs,
      listPageSize,
      connectTimeoutMs: config.connectTimeoutMs ?? 5000,
      responseTimeoutMs: config.responseTimeoutMs ?? 120_000,
    };

    const useSSL = url.protocol === 'https:';
    const agentOptions: http.AgentOptions = {
      keepAlive: true,
      // Idle sockets are dropped after this (or earlier, when the server's Keep-Alive header
      // says so), so a socket the server is about to close is not reused.
      timeout: 30_000,
      maxSockets: 64,
      maxFreeSockets: 16,
      scheduling: 'lifo',
    };
    this.agent = useSSL ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    const base = useSSL ? https : http;
    const options: Minio.ClientOptions = {
      endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      region: config.region,
      pathStyle: true,
      transportAgent: this.agent,
    };
    this.transport = transportWithTimeouts(base, {
      connectMs: this.settings.connectTimeoutMs,
      responseMs: this.settings.responseTimeoutMs,
    });
    this.client = new Minio.Client({ ...options, transport: this.transport });
    this.probe = new Minio.Client({
      ...options,
      transport: transportWithTimeouts(base, {
        connectMs: probeTimeoutMs,
        responseMs: probeTimeoutMs,
      }),
      retryOptions: { disableRetry: true },
    });
  }

  close(): void {
    this.agent.destroy();
  }

  async presignedPutUrl(key: string, expirySeconds = DEFAULT_PRESIGN_EXPIRY_SECONDS) {
    return this.presign('PUT', key, expirySeconds);
  }

  async presignedGetUrl(key: string, expirySeconds = DEFAULT_PRESIGN_EXPIRY_SECONDS) {
    return this.presign('GET', key, expirySeconds);
  }

  private async presign(method: 'GET' | 'PUT', key: string, expirySeconds: number) {
    if (!isValidObjectKey(key)) throw new TypeError(`invalid object key: ${JSON.stringify(key)}`);
    if (!Number.isSafeInteger(expirySeconds) || expirySeconds < 1 || expirySeconds > 604_800) {
      throw new TypeError('expirySeconds must be a whole number from 1 to 604800 (7 days)');
    }
    try {
      // The region is configured, so the client signs locally without asking the store.
      return await this.client.presignedUrl(method, this.settings.bucket, key, expirySeconds);
    } catch (error) {
      throw wrap(error, `presigning ${method} "${key}"`);
    }
  }

  async ensureBucket(): Promise<void> {
    const { bucket } = this.settings;
    try {
      if (await this.client.bucketExists(bucket)) return;
    } catch (error) {
      throw wrap(error, `checking bucket "${bucket}"`);
    }
    try {
      await this.client.makeBucket(bucket, this.client.region ?? '');
    } catch (error) {
      // Someone (another replica) created it in between: fine if it is usable by us.
      const code = s3Code(error);
      if (code === 'BucketAlreadyOwnedByYou' || code === 'BucketAlreadyExists') {
        const exists = await this.client.bucketExists(bucket).catch(() => false);
        if (exists) return;
      }
      throw wrap(error, `creating bucket "${bucket}"`);
    }
  }

  async isReachable(): Promise<void> {
    const { bucket, endpoint, probeTimeoutMs } = this.settings;
    let exists: boolean;
    try {
      exists = await withDeadline(this.probe.bucketExists(bucket), probeTimeoutMs);
    } catch (error) {
      throw new StorageUnavailableError(
        `object storage at ${endpoint} is not reachable: ${messageOf(error)}`,
        { cause: error },
      );
    }
    if (!exists) {
      throw new StorageUnavailableError(`bucket "${bucket}" does not exist at ${endpoint}`);
    }
  }

  async putStream(key: string, body: Readable, options: PutStreamOptions = {}) {
    if (!isValidObjectKey(key)) throw new TypeError(`invalid object key: ${JSON.stringify(key)}`);
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (!(maxBytes >= 0)) throw new TypeError('maxBytes must be a non-negative number');
    const { signal, size } = options;
    if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0)) {
      throw new TypeError('size must be a non-negative integer');
    }
    if (size !== undefined && size > maxBytes) throw new ObjectTooLargeError(maxBytes);
    if (signal?.aborted) throw new UploadAbortedError('upload aborted', { cause: signal.reason });

    // Aborted by the first failure of any kind; its reason is what putStream rejects with.
    const failure = new AbortController();
    const onAbort = () =>
      failure.abort(new UploadAbortedError('upload aborted', { cause: signal?.reason }));
    signal?.addEventListener('abort', onAbort, { once: true });
    const contentType = options.contentType ?? 'application/octet-stream';
    try {
      if (size !== undefined && size <= MAX_SINGLE_PUT_BYTES) {
        return await this.uploadSized(key, body, { contentType, size, failure });
      }
      const reader = new SourceReader(body, failure.signal);
      try {
        const stored = await this.upload(key, reader, { contentType, maxBytes, failure });
        if (size !== undefined && stored.size !== size) {
          await this.client.removeObject(this.settings.bucket, key).catch(() => undefined);
          throw new ObjectSizeMismatchError(size, stored.size > size);
        }
        return stored;
      } finally {
        reader.release();
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async uploadSized(
    key: string,
    source: Readable,
    job: { contentType: string; size: number; failure: AbortController },
  ): Promise<StoredObject> {
    let stored: { sha256: string; etag: string };
    try {
      stored = await putSized({
        transport: this.transport,
        agent: this.agent,
        // Signed here, without a request; used at once, so a short validity is plenty.
        url: await this.presign('PUT', key, 60),
        size: job.size,
        contentType: job.contentType,
        source,
        cancel: job.failure.signal,
      });
    } catch (error) {
      await this.client.removeObject(this.settings.bucket, key).catch(() => undefined);
      throw job.failure.signal.aborted
        ? job.failure.signal.reason
        : toStorageError(error, `storing "${key}"`);
    }
    await this.undoIfAborted(key, job.failure.signal);
    return { key, size: job.size, ...stored };
  }

  private async upload(
    key: string,
    reader: SourceReader,
    job: { contentType: string; maxBytes: number; failure: AbortController },
  ): Promise<StoredObject> {
    const { bucket, partSize, partConcurrency } = this.settings;
    const { contentType, maxBytes, failure } = job;
    const hash = createHash('sha256');
    let size = 0;
    /** Fills `buffer` from the source, hashing and counting on the way. */
    const readPart = async (buffer: Buffer) => {
      // One byte more than allowed is enough to tell "too large".
      const { bytes, eof } = await reader.fill(buffer, maxBytes - size + 1);
      size += bytes;
      if (size > maxBytes) throw new ObjectTooLargeError(maxBytes);
      const data = buffer.subarray(0, bytes);
      hash.update(data);
      return { data, eof };
    };

    const firstBuffer = Buffer.allocUnsafeSlow(partSize);
    const first = await readPart(firstBuffer);
    if (first.eof) {
      // Smaller than a part: one plain PUT, with the hash as metadata.
      const sha256 = hash.digest('hex');
      let etag: string;
      try {
        ({ etag } = await this.client.putObject(bucket, key, first.data, first.data.length, {
          'Content-Type': contentType,
          'x-amz-meta-sha256': sha256,
        }));
      } catch (error) {
        throw wrap(error, `storing "${key}"`);
      }
      await this.undoIfAborted(key, failure.signal);
      return { key, size, sha256, etag };
    }

    let uploadId: string;
    try {
      uploadId = await this.client.initiateNewMultipartUpload(bucket, key, {
        'Content-Type': contentType,
      });
    } catch (error) {
      throw wrap(error, `starting the upload of "${key}"`);
    }

    const fail = (error: unknown) => {
      if (!failure.signal.aborted) failure.abort(toStorageError(error, `uploading "${key}"`));
    };
    const parts: { part: number; etag: string }[] = [];
    const spare: Buffer[] = [];
    // Never reject: a failed part records the failure and aborts the rest.
    const inflight = new Set<Promise<void>>();
    const startPart = (part: number, data: Buffer, buffer: Buffer) => {
      const task: Promise<void> = this.client
        .uploadPart(
          {
            bucketName: bucket,
            objectName: key,
            uploadID: uploadId,
            partNumber: part,
            headers: {},
          },
          data,
        )
        .then(
          ({ etag }) => {
            parts.push({ part, etag });
            spare.push(buffer);
          },
          (error: unknown) => fail(wrap(error, `uploading part ${part} of "${key}"`)),
        )
        .finally(() => inflight.delete(task));
      inflight.add(task);
    };

    let etag: string;
    try {
      let partNumber = 1;
      startPart(partNumber, first.data, firstBuffer);
      for (;;) {
        // Backpressure: with `partConcurrency` parts in flight, read nothing until one is done.
        // (On failure all of them are awaited before aborting anyway, so no need to race.)
        while (inflight.size >= partConcurrency) await Promise.race(inflight);
        if (failure.signal.aborted) throw failure.signal.reason;
        const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(partSize);
        const next = await readPart(buffer);
        if (next.data.length > 0) {
          if (partNumber === MAX_PARTS) throw new ObjectTooLargeError(partSize * MAX_PARTS);
          partNumber += 1;
          startPart(partNumber, next.data, buffer);
        }
        if (next.eof) break;
      }
      await Promise.all(inflight);
      if (failure.signal.aborted) throw failure.signal.reason;
      parts.sort((a, b) => a.part - b.part);
      try {
        ({ etag } = await this.client.completeMultipartUpload(bucket, key, uploadId, parts));
      } catch (error) {
        throw wrap(error, `completing the upload of "${key}"`);
      }
    } catch (error) {
      fail(error);
      await Promise.all(inflight);
      // Best effort: some servers (s3rver) don't implement AbortMultipartUpload. Parts of an
      // upload that is never completed are not an object: nothing becomes visible.
      await this.client.abortMultipartUpload(bucket, key, uploadId).catch(() => undefined);
      throw failure.signal.reason;
    }
    const sha256 = hash.digest('hex');
    await this.undoIfAborted(key, failure.signal);
    return { key, size, sha256, etag };
  }

  /** The caller aborted while the object was being committed: take it back. */
  private async undoIfAborted(key: string, signal: AbortSignal): Promise<void> {
    if (!signal.aborted) return;
    await this.client.removeObject(this.settings.bucket, key).catch(() => undefined);
    throw signal.reason;
  }

  async getStream(key: string, range?: ByteRange): Promise<Readable> {
    if (range) {
      const { start, end } = range;
      const valid =
        Number.isSafeInteger(start) &&
        start >= 0 &&
        (end === undefined || (Number.isSafeInteger(end) && end >= start));
      if (!valid) throw new InvalidRangeError(range);
    }
    return getPresigned({
      url: await this.presign('GET', key, GET_URL_EXPIRY_SECONDS),
      key,
      range,
      headersWithinMs: this.settings.connectTimeoutMs + this.settings.responseTimeoutMs,
    });
  }

  async getBytes(key: string, size: number): Promise<Buffer> {
    if (!Number.isSafeInteger(size) || size < 0) throw new TypeError(`invalid size: ${size}`);
    return readPresignedBytes(
      {
        url: await this.presign('GET', key, GET_URL_EXPIRY_SECONDS),
        key,
        headersWithinMs: this.settings.connectTimeoutMs + this.settings.responseTimeoutMs,
      },
      size,
    );
  }

  async copy(sourceKey: string, targetKey: string): Promise<void> {
    for (const key of [sourceKey, targetKey]) {
      if (!isValidObjectKey(key)) throw new TypeError(`invalid object key: ${JSON.stringify(key)}`);
    }
    const { bucket } = this.settings;
    try {
      await this.client.copyObject(bucket, targetKey, `/${bucket}/${sourceKey}`);
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(sourceKey);
      throw wrap(error, `copying "${sourceKey}" to "${targetKey}"`);
    }
  }

  async stat(key: string): Promise<ObjectInfo | undefined> {
    let stat: Minio.BucketItemStat;
    try {
      stat = await this.client.statObject(this.settings.bucket, key);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw wrap(error, `looking up "${key}"`);
    }
    const contentType = stat.metaData['content-type'];
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(stat.metaData)) {
      // minio strips the x-amz-meta- prefix and keeps a few standard headers: drop those.
      if (STANDARD_HEADERS.has(name.toLowerCase()) || name.toLowerCase().startsWith('x-amz-')) {
        continue;
      }
      metadata[name.toLowerCase()] = String(value);
    }
    return {
      key,
      size: stat.size,
      lastModified: stat.lastModified,
      etag: stat.etag,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      metadata,
    };
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.removeObject(this.settings.bucket, key);
    } catch (error) {
      if (isNotFound(error)) return;
      throw wrap(error, `deleting "${key}"`);
    }
  }

  async *list(prefix: string): AsyncGenerator<ObjectSummary, void, undefined> {
    if (!isValidKeyPrefix(prefix))
      throw new TypeError(`invalid key prefix: ${JSON.stringify(prefix)}`);
    const { bucket, listPageSize } = this.settings;
    // ListObjects V1 with the last key as marker. V2 continuation tokens would do as well on
    // real stores, but s3rver builds them with DES, which OpenSSL 3 (Node >= 17) refuses, so
    // every truncated V2 listing fails there with a 500.
    let marker = '';
    for (;;) {
      let page: Awaited<ReturnType<Minio.Client['listObjectsQuery']>>;
      try {
        page = await this.client.listObjectsQuery(bucket, prefix, marker, {
          Delimiter: '',
          MaxKeys: listPageSize,
        });
      } catch (error) {
        throw wrap(error, `listing "${prefix}"`);
      }
      let last: string | undefined;
      for (const item of page.objects) {
        if (item.name === undefined) continue; // a common prefix; none without a delimiter
        last = item.name;
        yield {
          key: item.name,
          size: Number(item.size ?? 0),
          lastModified: item.lastModified ?? new Date(Number.NaN),
          etag: item.etag ?? '',
        };
      }
      // The parser leaves IsTruncated as the string from the XML.
      if (String(page.isTruncated) !== 'true') return;
      if (last === undefined) {
        throw new StorageError(`listing "${prefix}" was truncated but returned no keys`);
      }
      marker = last;
    }
  }

  async *listIncompleteUploads(olderThan: Date): AsyncGenerator<IncompleteUpload, void, undefined> {
    const { bucket } = this.settings;
    let keyMarker = '';
    let uploadIdMarker = '';
    for (;;) {
      let page: Awaited<ReturnType<Minio.Client['listIncompleteUploadsQuery']>>;
      try {
        page = await this.client.listIncompleteUploadsQuery(
          bucket,
          '',
          keyMarker,
          uploadIdMarker,
          '',
        );
      } catch (error) {
        throw wrap(error, 'listing incomplete uploads');
      }
      for (const upload of page.uploads) {
        keyMarker = String(upload.key);
        uploadIdMarker = String(upload.uploadId);
        if (upload.initiated.getTime() < olderThan.getTime()) {
          yield { key: keyMarker, uploadId: uploadIdMarker, initiated: upload.initiated };
        }
      }
      // The parser leaves IsTruncated as the string from the XML, and drops the next upload id
      // marker: the last upload listed is where the next page starts.
      if (String(page.isTruncated) !== 'true') return;
      if (page.uploads.length === 0) {
        throw new StorageError('listing incomplete uploads was truncated but returned none');
      }
    }
  }

  async abortIncompleteUpload(upload: Pick<IncompleteUpload, 'key' | 'uploadId'>): Promise<void> {
    try {
      await this.client.abortMultipartUpload(this.settings.bucket, upload.key, upload.uploadId);
    } catch (error) {
      if (s3Code(error) === 'NoSuchUpload') return;
      throw wrap(error, `aborting the upload of "${upload.key}"`);
    }
  }
}

const STANDARD_HEADERS = new Set([
  'content-type',
  'cache-control',
  'content-encoding',
  'content-disposition',
  'content-language',
  'expires',
  'if-none-match',
  'if-match',
]);

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError(`invalid S3 endpoint: ${endpoint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`S3 endpoint must be http:// or https://, got ${endpoint}`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new TypeError(`S3 endpoint must have no path, query or credentials: ${endpoint}`);
  }
  return url;
}

function s3Code(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isNotFound(error: unknown): boolean {
  const code = s3Code(error);
  return code === 'NotFound' || code === 'NoSuchKey';
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  if (error instanceof Error) return error.message || s3Code(error) || error.name;
  return String(error);
}

/** Turns whatever the client threw into a StorageError saying what was being done. */
function wrap(error: unknown, doing: string): StorageError {
  if (error instanceof StorageError) return error;
  const message = `${doing} failed: ${messageOf(error)}`;
  const code = s3Code(error);
  if (code && CONNECTION_ERRORS.has(code))
    return new StorageUnavailableError(message, { cause: error });
  return new StorageError(message, { cause: error });
}

function toStorageError(error: unknown, doing: string): StorageError {
  return error instanceof StorageError ? error : wrap(error, doing);
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
