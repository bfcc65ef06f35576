import { type Actor, ANONYMOUS } from '@liaison/core';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_SIGNATURE_HEADER,
  verifyClientAddress,
} from '@liaison/core/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/authenticate.js';
import type { RequestContext } from '../services/request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The sign-in session of the caller's access token; null for API tokens and anonymous callers. */
    sessionId: string | null;
    /**
     * Where the request comes from, for sign-in limits and the audit log: the browser's address
     * when the web app vouches for it with a valid signature, else the peer's (`request.ip`).
     */
    clientAddress: string;
  }
  interface FastifyContextConfig {
    /**
     * The route checks a credential of its own (`GET /metrics`: METRICS_TOKEN), so the bearer
     * token is not read as a user's; the caller is anonymous to everything else.
     */
    ownAuthorization?: boolean;
  }
}

/**
 * Resolves the caller and where they are once per request, before anything else runs: a request
 * with a bad token is refused (401) whatever else is wrong with it.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('clientAddress', '');
  app.addHook('onRequest', async (request) => {
    request.clientAddress = clientAddressOf(request, app.deps.config.webClientAddressSecret);
    if (request.routeOptions.config.ownAuthorization) {
      request.actor = ANONYMOUS;
      return;
    }
    const caller = await authenticate(
      app.deps.pool,
      app.callerCache,
      app.deps.config.authSecret,
      request.headers.authorization,
    );
    request.actor = caller.actor;
    request.sessionId = caller.sessionId;
  });
}

function clientAddressOf(request: FastifyRequest, secret: string | undefined): string {
  if (secret === undefined) return request.ip;
  const address = request.headers[CLIENT_ADDRESS_HEADER];
  const signature = request.headers[CLIENT_SIGNATURE_HEADER];
  if (typeof address !== 'string' || typeof signature !== 'string') return request.ip;
  return verifyClientAddress(secret, address, signature) ?? request.ip;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, address: request.clientAddress };
}
