import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type * as http from 'node:http';
import type { Transport } from './http-transport.js';
import { ObjectSizeMismatchError, StorageError } from './object-storage.js';
import type { SourceReader } from './source-reader.js';

/**
 * Streams exactly `size` bytes from `reader` into one PUT to `url` (presigned, so the payload is
 * sent unsigned and hashed once, here, for the caller), then makes sure the source has nothing
 * more. Rejects on a source shorter or longer than `size`, on the store's refusal, and when
 * `cancel` is aborted. The caller removes the object after a rejection: a longer source is only
 * known once the store holds the declared bytes, and some stores (s3rver) keep what an aborted
 * PUT sent.
 */
export async function putSized(options: {
  transport: Transport;
  agent: http.Agent;
  url: string;
  size: number;
  contentType: string;
  reader: SourceReader;
  cancel: AbortSignal;
}): Promise<{ sha256: string; etag: string }> {
  const { size, reader, cancel } = options;
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
  const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  // Settled with the request either way, so an early answer or error is never unhandled.
  answered.catch(() => undefined);
  const hash = createHash('sha256');
  // Once answered, the socket is back in the pool for other requests: never destroy it then.
  let answeredInFull = false;
  try {
    let sent = 0;
    while (sent < size) {
      const chunk = await reader.read(size - sent);
      if (chunk === null) throw new ObjectSizeMismatchError(size, false);
      hash.update(chunk);
      sent += chunk.length;
      if (!request.write(chunk)) await Promise.race([once(request, 'drain'), answered]);
      if (cancel.aborted) throw cancel.reason;
    }
    request.end();
    const response = await answered;
    let text = '';
    response.setEncoding('utf8');
    for await (const piece of response) text += piece;
    answeredInFull = true;
    if (response.statusCode !== 200) {
      const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'unknown';
      throw new StorageError(`the store refused the PUT: ${response.statusCode} ${code}`);
    }
    if ((await reader.read(1)) !== null) throw new ObjectSizeMismatchError(size, true);
    return { sha256: hash.digest('hex'), etag: (response.headers.etag ?? '').replace(/"/g, '') };
  } catch (error) {
    if (!answeredInFull && !request.destroyed) {
      const closed = once(request, 'close').catch(() => undefined);
      request.destroy();
      await closed;
    }
    throw error;
  }
}
