import { createHash } from 'node:crypto';
import type * as http from 'node:http';
import type { Readable } from 'node:stream';
import type { Transport } from './http-transport.js';
import { ObjectSizeMismatchError, SourceStreamError, StorageError } from './object-storage.js';

/**
 * Streams exactly `size` bytes from `source` into one PUT to `url` (presigned, so the payload is
 * sent unsigned and hashed once, here, for the caller), and makes sure the source ends there.
 * Rejects on a source shorter or longer than `size` or failing, on the store's refusal, and when
 * `cancel` is aborted. The caller removes the object after a rejection: a longer source may only
 * be known once the store holds the declared bytes, and some stores (s3rver) keep what an aborted
 * PUT sent.
 *
 * The source's chunks are hashed and written on as they come ('data' events), each as it is: a
 * `read()` would join the chunks buffered meanwhile into a new buffer, allocating as much again
 * as the file. The source is never destroyed here; on failure it is left paused.
 */
export async function putSized(options: {
  transport: Transport;
  agent: http.Agent;
  url: string;
  size: number;
  contentType: string;
  source: Readable;
  cancel: AbortSignal;
}): Promise<{ sha256: string; etag: string }> {
  const { size, source, cancel } = options;
  if (cancel.aborted) throw cancel.reason;
  const url = new URL(options.url);
  const request = options.transport.request({
    method: 'PUT',
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    path: `${url.pathname}${url.search}`,
    agent: options.agent,
    headers: { 'content-length': String(size), 'content-type': options.contentType },
  });
  const hash = createHash('sha256');
  let sent = 0;
  let sourceEnded = false;
  let answer: { status: number; text: string; etag: string } | undefined;
  let failed = false;
  let settle!: { resolve(): void; reject(error: unknown): void };
  const done = new Promise<void>((resolve, reject) => {
    settle = {
      resolve,
      reject: (error) => {
        failed = true;
        source.pause();
        reject(error);
      },
    };
  });

  const onData = (chunk: Buffer) => {
    if (failed) return;
    if (sent + chunk.length > size) {
      settle.reject(new ObjectSizeMismatchError(size, true));
      return;
    }
    hash.update(chunk);
    sent += chunk.length;
    // After the last byte the source is still read, to its end (or to a byte too many).
    if (sent === size) request.end(chunk);
    else if (!request.write(chunk)) source.pause();
  };
  const onDrain = () => {
    if (!failed) source.resume();
  };
  const onEnd = () => {
    sourceEnded = true;
    if (sent < size) settle.reject(new ObjectSizeMismatchError(size, false));
    else if (size === 0) request.end();
    settleIfDone();
  };
  const onSourceError = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    settle.reject(new SourceStreamError(`source stream failed: ${message}`, { cause: error }));
  };
  const onSourceClose = () => {
    if (!sourceEnded) settle.reject(new SourceStreamError('source stream closed before its end'));
  };
  const onCancel = () => settle.reject(cancel.reason);
  const onResponse = (response: http.IncomingMessage) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (piece: string) => {
      text += piece;
    });
    response.on('end', () => {
      answer = {
        status: response.statusCode ?? 0,
        text,
        etag: (response.headers.etag ?? '').replace(/"/g, ''),
      };
      settleIfDone();
    });
    response.on('error', settle.reject);
  };
  /** Done once the store has answered and the source ended, in either order. */
  const settleIfDone = () => {
    if (!answer) return;
    if (answer.status !== 200) {
      const code = /<Code>([^<]*)<\/Code>/.exec(answer.text)?.[1] ?? 'unknown';
      settle.reject(new StorageError(`the store refused the PUT: ${answer.status} ${code}`));
    } else if (sourceEnded) {
      settle.resolve();
    }
  };

  request.on('response', onResponse);
  request.on('error', settle.reject);
  request.on('drain', onDrain);
  cancel.addEventListener('abort', onCancel);
  source.on('data', onData);
  source.on('end', onEnd);
  source.on('error', onSourceError);
  source.on('close', onSourceClose);
  // A source already over (an empty one read elsewhere) emits nothing more.
  if (source.readableEnded) onEnd();
  try {
    await done;
    return { sha256: hash.digest('hex'), etag: answer!.etag };
  } catch (error) {
    // Once answered, the socket is back in the pool for other requests: never destroy it then.
    if (!answer && !request.destroyed) {
      const closed = new Promise((resolve) => request.once('close', resolve));
      request.destroy();
      await closed;
    }
    throw error;
  } finally {
    source.off('data', onData);
    source.off('end', onEnd);
    source.off('close', onSourceClose);
    source.off('error', onSourceError);
    // A source that failed may still be about to emit its 'error' (on the next tick); that error
    // has been reported through the rejection, so it must not crash the process.
    if (source.destroyed || source.errored) source.on('error', ignore);
    cancel.removeEventListener('abort', onCancel);
    request.off('drain', onDrain);
  }
}

function ignore(): void {}
