import type { FastifyInstance } from 'fastify';

export interface Drain {
  /** True from the first call of `drain` on: `/readyz` answers 503 so a balancer stops sending. */
  readonly draining: boolean;
  /**
   * Stops accepting connections and lets the requests in flight (uploads and downloads included)
   * finish, for at most `graceMs`. Resolves true when every connection has ended, false when the
   * time ran out first.
   */
  drain(graceMs: number): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
  }
}

/**
 * Graceful drain for a rolling restart behind a balancer. The listener closes first, so a new
 * connection is refused and the balancer passes the request to another replica before sending
 * anything. Requests already on an open connection are served in full (not answered 503, as
 * Fastify's own close would), each with `Connection: close` so no connection outlives its request.
 */
export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.decorate('drain', {
    get draining() {
      return draining;
    },
    async drain(graceMs: number) {
      draining = true;
      const closed = new Promise<boolean>((resolve) => app.server.close(() => resolve(true)));
      app.server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      });
      return Promise.race([closed, timedOut]).finally(() => clearTimeout(timer));
    },
  } satisfies Drain);
}
