import { ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Readable, type Writable } from 'node:stream';
import { StorageError } from './object-storage.js';
import { type PresignedGet, PresignedGetConnection } from './presigned-get-connection.js';

/** The size of the buffers a download reads into (at most one socket read each). */
const READ_BUFFER_BYTES = 64 * 1024;

/**
 * GETs an object, or a range of it, from a presigned URL. Resolves once the store has answered
 * (rejecting with its error mapped); destroying the stream closes the connection.
 */
export async function getPresigned(options: PresignedGet): Promise<Readable> {
  const stream = new PresignedObjectStream(options);
  try {
    await stream.answered;
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return stream;
}

/**
 * The body of a presigned GET as a readable stream. Read like any other, every chunk is a buffer
 * of its own. Piped into a socket or an HTTP response (the API relaying a download), it reuses a
 * few buffers instead: each is read into again once the destination has written it out, so
 * relaying a file allocates nearly nothing. Only those destinations are done with a chunk when
 * they call back; another writable may keep it, so it gets buffers of its own.
 */
class PresignedObjectStream extends Readable {
  readonly answered: Promise<number>;
  private readonly connection: PresignedGetConnection;
  /** Until something reads or pipes the stream, the connection waits. */
  private mode: 'waiting' | 'reading' | 'piping' = 'waiting';
  private pending: { chunk: Buffer; owner: Uint8Array } | undefined;
  private ended = false;
  private failure: StorageError | undefined;
  private destination: Writable | undefined;
  private endDestination = true;
  private readonly spare: Uint8Array[] = [];

  constructor(options: PresignedGet) {
    super();
    this.connection = new PresignedGetConnection(options, {
      buffer: () => this.spare.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES),
      data: (chunk, owner) => this.receive(chunk, owner),
      end: () => this.finish(),
      fail: (error) => {
        // Not emitted before someone listens: the stream may not have been handed out yet.
        if (this.mode === 'waiting') this.failure = error;
        else this.destroy(error);
      },
    });
    this.answered = this.connection.answered;
  }

  override _read(): void {
    if (this.mode === 'waiting') {
      this.mode = 'reading';
      if (this.start()) return;
    }
    this.connection.resume();
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    if (this.mode !== 'waiting' || !callsBackOnceWritten(destination)) {
      return super.pipe(destination, options);
    }
    this.mode = 'piping';
    this.destination = destination;
    this.endDestination = options?.end !== false;
    destination.on('drain', this.onDrain);
    destination.on('close', this.onDestinationGone);
    destination.on('error', this.onDestinationGone);
    if (!this.start()) this.connection.resume();
    return destination;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.connection.close();
    this.detach();
    callback(error);
  }

  /** Hands on what came while waiting; true when there is nothing more to read. */
  private start(): boolean {
    if (this.failure) {
      this.destroy(this.failure);
      return true;
    }
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.receive(pending.chunk, pending.owner);
    if (this.ended) this.finish();
    return this.ended;
  }

  private receive(chunk: Buffer, owner: Uint8Array): boolean {
    if (this.mode === 'reading') return this.push(chunk);
    if (this.mode === 'piping') {
      return this.destination!.write(chunk, () => {
        if (owner.byteLength === READ_BUFFER_BYTES) this.spare.push(owner);
      });
    }
    this.pending = { chunk, owner };
    return false;
  }

  private finish(): void {
    this.ended = true;
    if (this.mode === 'waiting') return;
    if (this.mode === 'piping') {
      const destination = this.detach();
      if (this.endDestination) destination?.end();
    }
    this.push(null);
    // Nothing was pushed when piping: reading nothing more emits 'end'.
    this.read(0);
  }

  private readonly onDrain = () => this.connection.resume();

  /** Like `pipe`: the source stays as it is, for its owner to destroy. */
  private readonly onDestinationGone = () => {
    this.detach();
  };

  private detach(): Writable | undefined {
    const destination = this.destination;
    this.destination = undefined;
    destination?.off('drain', this.onDrain);
    destination?.off('close', this.onDestinationGone);
    destination?.off('error', this.onDestinationGone);
    return destination;
  }
}

function callsBackOnceWritten(destination: NodeJS.WritableStream): destination is Writable {
  return destination instanceof ServerResponse || destination instanceof Socket;
}

/**
 * The whole object in one buffer of `size` bytes, read straight into it: no chunk is allocated on
 * the way, so reading a file costs that file's size in memory and no garbage to collect later.
 * Rejects with {@link StorageError} when the object is not `size` bytes long.
 */
export async function readPresignedBytes(
  options: Omit<PresignedGet, 'range'>,
  size: number,
): Promise<Buffer> {
  const target = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  let settle!: { resolve(): void; reject(error: Error): void };
  const body = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Awaited once the head is in; a failure before that is reported through `answered`.
  body.catch(() => undefined);
  const connection = new PresignedGetConnection(
    { ...options, range: undefined },
    {
      // Asked only while bytes are missing: the connection closes once they are in.
      buffer: () => target.subarray(filled),
      data: (chunk) => {
        // The first bytes came with the answer's head, into another buffer.
        if (chunk.buffer !== target.buffer || chunk.byteOffset !== target.byteOffset + filled) {
          chunk.copy(target, filled);
        }
        filled += chunk.length;
        return true;
      },
      end: () => settle.resolve(),
      fail: (error) => settle.reject(error),
    },
  );
  const length = await connection.answered;
  if (length !== size) {
    connection.close();
    throw new StorageError(
      `reading "${options.key}" failed: it is ${length < size ? 'shorter' : 'longer'} than the ${size} bytes expected`,
    );
  }
  await body;
  return target;
}
