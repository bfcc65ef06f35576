import * as net from 'node:net';
import * as tls from 'node:tls';
import {
  type ByteRange,
  InvalidRangeError,
  ObjectNotFoundError,
  StorageError,
  StorageUnavailableError,
} from './object-storage.js';

/** Where the body of a presigned GET goes, as it arrives. */
export interface BodyReceiver {
  /** The buffer the next read from the socket lands in (the socket reads straight into it). */
  buffer(): Uint8Array;
  /** `chunk`, a part of `owner` (a buffer `buffer()` gave, or the head's), arrived. False pauses. */
  data(chunk: Buffer, owner: Uint8Array): boolean;
  end(): void;
  /** The body broke off after the answer's head was accepted. */
  fail(error: StorageError): void;
}

export interface PresignedGet {
  url: string;
  key: string;
  range: ByteRange | undefined;
  /** From the start until the answer's head is in. */
  headersWithinMs: number;
}

const HEAD_BUFFER_BYTES = 16 * 1024;
/** The most an answer's head, or an error's body, may hold: S3's are well under 8 KiB. */
const MAX_HEAD_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');
const CLOSED_BUFFER = Buffer.alloc(1);

/**
 * One GET of a presigned URL over a connection of its own (HTTP/1.1, `Connection: close`), whose
 * socket reads straight into the buffers `receiver` hands out: nothing is allocated nor copied per
 * chunk. Node's HTTP clients (`node:http`, `fetch`) allocate a new buffer for every chunk of a
 * body, and relaying a large file through the API, those allocations made V8 run a full
 * mark-compact of the API's heap every 64 MiB or so (external memory pressure): most of the CPU a
 * download cost.
 *
 * A successful answer (200 or 206) must have a Content-Length, as S3's always do; its body is
 * handed to `receiver` once `answered` has resolved. Any other answer rejects `answered` with the
 * store's error mapped to a {@link StorageError}.
 */
export class PresignedGetConnection {
  /** Resolves with the body's length once a 200 or 206 answer's head is in. */
  readonly answered: Promise<number>;
  private readonly options: PresignedGet;
  private readonly receiver: BodyReceiver;
  private readonly target: string;
  private readonly socket: net.Socket;
  private readonly timer: NodeJS.Timeout;
  private settle!: { resolve(length: number): void; reject(error: StorageError): void };
  private phase: 'head' | 'error-body' | 'body' | 'done' = 'head';
  /** What the socket reads into until the body starts; never again after that. */
  private headBuffer = Buffer.allocUnsafe(HEAD_BUFFER_BYTES);
  /** The head (or error body) read so far, when it spans reads. */
  private collected = Buffer.alloc(0);
  private errorAnswer: { status: number; length: number | undefined } | undefined;
  private remaining = 0;
  private length = 0;

  constructor(options: PresignedGet, receiver: BodyReceiver) {
    this.options = options;
    this.receiver = receiver;
    const url = new URL(options.url);
    this.target = url.host;
    this.answered = new Promise<number>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.timer = setTimeout(() => {
      this.fail(
        new StorageUnavailableError(
          `object storage at ${this.target} did not answer within ${options.headersWithinMs} ms`,
        ),
      );
    }, options.headersWithinMs);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const onread = {
      buffer: () => this.nextBuffer(),
      callback: (bytes: number, buffer: Uint8Array) => this.onRead(bytes, buffer),
    };
    this.socket =
      url.protocol === 'https:'
        ? tls.connect({
            host,
            port: Number(url.port) || 443,
            ...(net.isIP(host) ? {} : { servername: host }),
            // Documented for tls.connect as for net.connect, missing from its typings.
            ...({ onread } as tls.ConnectionOptions),
          })
        : net.connect({ host, port: Number(url.port) || 80, onread });
    this.socket.setNoDelay(true);
    this.socket.on('error', (error) => this.fail(this.connectionError(error)));
    this.socket.on('close', () => this.fail(this.connectionError(undefined)));
    const range = options.range
      ? `Range: bytes=${options.range.start}-${options.range.end ?? ''}\r\n`
      : '';
    this.socket.write(
      `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n${range}Connection: close\r\n\r\n`,
    );
  }

  /** Reads on after `data` returned false. */
  resume(): void {
    if (this.phase === 'body') this.socket.resume();
  }

  /** Drops the connection; nothing more reaches the receiver. */
  close(): void {
    this.phase = 'done';
    clearTimeout(this.timer);
    this.socket.destroy();
  }

  private nextBuffer(): Uint8Array {
    if (this.phase === 'body') return this.receiver.buffer();
    // Closed: the socket reads nothing more, but must be given somewhere to.
    if (this.phase === 'done') return CLOSED_BUFFER;
    return this.headBuffer;
  }

  private onRead(bytes: number, buffer: Uint8Array): boolean {
    const read = Buffer.from(buffer.buffer, buffer.byteOffset, bytes);
    if (this.phase === 'body') return this.onBody(read, buffer);
    if (this.phase === 'head') return this.onHead(read);
    if (this.phase === 'error-body') this.onErrorBody(read);
    return false;
  }

  private onHead(read: Buffer): boolean {
    let bytes = this.collect(read);
    for (;;) {
      const end = bytes.indexOf(HEAD_END);
      if (end < 0) {
        if (bytes.length > MAX_HEAD_BYTES)
          this.fail(this.failure('its answer has too long a head'));
        // Read on into the head buffer: keep what came so far apart from it.
        this.collected = Buffer.from(bytes);
        return true;
      }
      const head = parseHead(bytes.toString('latin1', 0, end));
      const rest = bytes.subarray(end + HEAD_END.length);
      if (!head) {
        this.fail(this.failure('its answer is not HTTP/1.1'));
        return false;
      }
      // 100 Continue and the like: the answer proper follows.
      if (head.status < 200) {
        bytes = rest;
        continue;
      }
      this.collected = Buffer.alloc(0);
      if (head.status === 200 || head.status === 206) return this.accept(head, rest, read);
      this.phase = 'error-body';
      this.errorAnswer = { status: head.status, length: head.length };
      this.onErrorBody(rest);
      return true;
    }
  }

  private collect(read: Buffer): Buffer {
    return this.collected.length === 0 ? read : Buffer.concat([this.collected, read]);
  }

  private accept(head: Head, rest: Buffer, read: Buffer): boolean {
    if (head.length === undefined || head.chunked) {
      this.fail(this.failure('its answer has no Content-Length'));
      return false;
    }
    clearTimeout(this.timer);
    this.phase = 'body';
    this.length = head.length;
    this.remaining = head.length;
    // The head buffer may now hold the body's first bytes (unless the head was spread over
    // several reads and `rest` is a copy): from here on, reads go to the receiver's buffers.
    const owner = rest.buffer === read.buffer ? this.headBuffer : rest;
    this.settle.resolve(head.length);
    if (this.remaining === 0) {
      this.finish();
      return false;
    }
    if (rest.length === 0) return true;
    return this.onBody(rest, owner);
  }

  private onBody(read: Buffer, owner: Uint8Array): boolean {
    const chunk = read.length > this.remaining ? read.subarray(0, this.remaining) : read;
    this.remaining -= chunk.length;
    const more = this.receiver.data(chunk, owner);
    if (this.remaining > 0) return more;
    this.finish();
    return false;
  }

  private finish(): void {
    this.close();
    this.receiver.end();
  }

  private onErrorBody(read: Buffer): void {
    const bytes = this.collect(read);
    this.collected = Buffer.from(bytes);
    const answer = this.errorAnswer!;
    const complete =
      answer.length !== undefined ? bytes.length >= answer.length : bytes.length > MAX_HEAD_BYTES;
    // Without a length, the body ends with the connection (see 'close').
    if (complete) this.fail(this.storeError(answer.status, bytes.toString('utf8')));
  }

  private storeError(status: number, text: string): StorageError {
    const { key, range } = this.options;
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    if (code === 'NoSuchKey' || (status === 404 && code === undefined)) {
      return new ObjectNotFoundError(key);
    }
    if (range && (code === 'InvalidRange' || status === 416)) return new InvalidRangeError(range);
    const failure = `reading "${key}" failed: ${status} ${code ?? ''}`.trimEnd();
    if (status >= 500) return new StorageUnavailableError(failure);
    return new StorageError(failure);
  }

  private connectionError(error: Error | undefined): StorageError {
    if (this.phase === 'error-body' && error === undefined) {
      return this.storeError(this.errorAnswer!.status, this.collected.toString('utf8'));
    }
    if (this.phase === 'body') {
      const received = this.length - this.remaining;
      return this.failure(
        `the connection broke off after ${received} of ${this.length} bytes${error ? `: ${error.message}` : ''}`,
        error,
      );
    }
    return new StorageUnavailableError(
      `reading "${this.options.key}" failed: object storage at ${this.target} cannot be reached`,
      { cause: error },
    );
  }

  private failure(what: string, cause?: Error): StorageUnavailableError {
    return new StorageUnavailableError(`reading "${this.options.key}" failed: ${what}`, { cause });
  }

  private fail(error: StorageError): void {
    const phase = this.phase;
    if (phase === 'done') return;
    this.close();
    if (phase === 'body') this.receiver.fail(error);
    else this.settle.reject(error);
  }
}

interface Head {
  status: number;
  length: number | undefined;
  chunked: boolean;
}

/** The status and body framing of an answer's head; undefined when it is not one. */
function parseHead(text: string): Head | undefined {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine)?.[1];
  if (status === undefined) return undefined;
  let length: number | undefined;
  let chunked = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      const parsed = /^[0-9]{1,16}$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(parsed) || (length !== undefined && length !== parsed)) {
        return undefined;
      }
      length = parsed;
    } else if (name === 'transfer-encoding') {
      chunked = true;
    }
  }
  return { status: Number(status), length, chunked };
}
