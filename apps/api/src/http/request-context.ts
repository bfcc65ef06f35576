import type { Actor } from '@liaison/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/authenticate.js';
import type { RequestContext } from '../services/request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/**
 * Resolves the caller once per request, before anything else runs: a request with a bad token
 * is refused (401) whatever else is wrong with it.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = await authenticate(
      app.deps.pool,
      app.deps.config.authSecret,
      request.headers.authorization,
    );
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, address: request.ip };
}
