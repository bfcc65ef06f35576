/**
 * Every request has an id: the one the load balancer or the web app sent in `x-request-id` when it
 * is a plain token, a new UUID otherwise. Fastify names it in every log line of the request
 * (`requestId`), and the response carries it back, so one id follows a request from the browser
 * through the web app and the balancer to the API's log.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and a few separators, at most 128: safe in a header and in a log line. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
}

export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
