import type { Readable } from 'node:stream';
import { SourceStreamError } from './object-storage.js';

/**
 * Pulls bytes from a readable stream into caller-owned buffers, one `read()` at a time, so the
 * stream's own backpressure applies: nothing is read while the caller is busy elsewhere.
 *
 * Unlike `for await`, giving up never destroys the source; `release()` only detaches the
 * listeners. While attached, an `error` on the source is recorded (not thrown at the process)
 * and surfaces as a {@link SourceStreamError} on the next read. Aborting `cancel` makes a
 * pending read reject with the signal's reason.
 */
export class SourceReader {
  private readonly source: Readable;
  private readonly cancel: AbortSignal;
  private pending: Buffer | undefined;
  private failed = false;
  private failure: unknown;
  private waiter: (() => void) | undefined;

  private readonly wake = () => {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  };

  private readonly onError = (error: unknown) => {
    if (!this.failed) {
      this.failed = true;
      this.failure = error;
    }
    this.wake();
  };

  constructor(source: Readable, cancel: AbortSignal) {
    this.source = source;
    this.cancel = cancel;
    source.on('error', this.onError);
    source.on('readable', this.wake);
    source.on('end', this.wake);
    source.on('close', this.wake);
    cancel.addEventListener('abort', this.wake);
  }

  /** Detaches from the source; leaves it paused and otherwise untouched. */
  release(): void {
    // A source that already failed may still be about to emit its 'error' (on the next tick);
    // that error has been reported through the rejection, so it must not crash the process.
    if (this.source.destroyed || this.source.errored) this.source.on('error', ignore);
    this.source.off('error', this.onError);
    this.source.off('readable', this.wake);
    this.source.off('end', this.wake);
    this.source.off('close', this.wake);
    this.cancel.removeEventListener('abort', this.wake);
    this.wake();
  }

  /**
   * Copies up to `limit` bytes (at most `target.length`) into `target`. Returns how many were
   * copied and whether the stream ended; `eof` false means `bytes === limit`.
   */
  async fill(target: Buffer, limit: number): Promise<{ bytes: number; eof: boolean }> {
    const max = Math.min(limit, target.length);
    let bytes = 0;
    while (bytes < max) {
      const chunk = this.pending ?? (await this.next());
      this.pending = undefined;
      if (chunk === null) return { bytes, eof: true };
      const n = Math.min(chunk.length, max - bytes);
      chunk.copy(target, bytes, 0, n);
      if (n < chunk.length) this.pending = chunk.subarray(n);
      bytes += n;
    }
    return { bytes, eof: false };
  }

  private throwIfFailed(): void {
    const error = this.failed ? this.failure : this.source.errored;
    if (!error) return;
    const message = error instanceof Error ? error.message : String(error);
    throw new SourceStreamError(`source stream failed: ${message}`, { cause: error });
  }

  private async next(): Promise<Buffer | null> {
    for (;;) {
      if (this.cancel.aborted) throw this.cancel.reason;
      this.throwIfFailed();
      // read() may run the source's _read, which may fail synchronously.
      const chunk: unknown = this.source.read();
      if (chunk !== null) return toBuffer(chunk);
      if (this.source.readableEnded) return null;
      this.throwIfFailed();
      if (this.source.destroyed) {
        throw new SourceStreamError('source stream closed before its end');
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }
}

function ignore(): void {}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  throw new SourceStreamError('source stream yielded something other than bytes');
}
