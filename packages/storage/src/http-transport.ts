import type * as http from 'node:http';
import { StorageUnavailableError } from './object-storage.js';

/** What the minio client calls to make a request (its `Transport` type). */
export type Transport = Pick<typeof http, 'request'>;

export interface TransportTimeouts {
  /** From the moment a new socket is opened until it is connected (DNS included). */
  connectMs: number;
  /** From the moment the request is fully sent until the response headers arrive. */
  responseMs: number;
}

/**
 * Wraps `http.request`/`https.request` so that a request fails with a
 * {@link StorageUnavailableError} instead of hanging when the server can't be connected to or
 * doesn't answer. Response bodies are not timed: a slow consumer is not a dead server.
 */
export function transportWithTimeouts(base: Transport, timeouts: TransportTimeouts): Transport {
  const request = (
    options: http.RequestOptions,
    callback?: (response: http.IncomingMessage) => void,
  ): http.ClientRequest => {
    const req = base.request(options, callback);
    const target = `${options.hostname ?? options.host}:${options.port ?? ''}`;
    let connectTimer: NodeJS.Timeout | undefined;
    let responseTimer: NodeJS.Timeout | undefined;
    const clear = () => {
      clearTimeout(connectTimer);
      clearTimeout(responseTimer);
    };
    req.once('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive socket
      connectTimer = setTimeout(() => {
        req.destroy(
          new StorageUnavailableError(
            `could not connect to object storage at ${target} within ${timeouts.connectMs} ms`,
          ),
        );
      }, timeouts.connectMs);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.once('finish', () => {
      responseTimer = setTimeout(() => {
        req.destroy(
          new StorageUnavailableError(
            `object storage at ${target} did not answer within ${timeouts.responseMs} ms`,
          ),
        );
      }, timeouts.responseMs);
    });
    req.once('response', clear);
    req.once('close', clear);
    return req;
  };
  return { request } as unknown as Transport;
}
