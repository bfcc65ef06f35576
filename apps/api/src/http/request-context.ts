import type { Actor } from '@liaison/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/authenticate.js';
import type { RequestContext } from '../services/request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The sign-in session of the caller's access token; null for API tokens and anonymous callers. */
    sessionId: string | null;
  }
}

/**
 * Resolves the caller once per request, before anything else runs: a request with a bad token
 * is refused (401) whatever else is wrong with it.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const caller = await authenticate(
      app.deps.pool,
      app.deps.config.authSecret,
      request.headers.authorization,
    );
    request.actor = caller.actor;
    request.sessionId = caller.sessionId;
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, address: request.ip };
}
