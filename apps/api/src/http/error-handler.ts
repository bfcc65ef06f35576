import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  InvalidInputError,
  LiaisonError,
  NotFoundError,
  PayloadTooLargeError,
  RangeNotSatisfiableError,
  RateLimitedError,
  UnauthenticatedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '@liaison/core';
import type { FastifyError, FastifyInstance } from 'fastify';

/** The one place where typed errors become HTTP statuses. */
const STATUS_BY_ERROR: [new (...args: never[]) => LiaisonError, number][] = [
  [InvalidInputError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [UnsupportedMediaTypeError, 415],
  [RangeNotSatisfiableError, 416],
  [UnprocessableError, 422],
  [RateLimitedError, 429],
  [DependencyUnavailableError, 503],
];

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  411: 'length_required',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'rate_limited',
};

export interface HttpError {
  status: number;
  code: string;
  message: string;
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof LiaisonError) {
    const match = STATUS_BY_ERROR.find(([type]) => error instanceof type);
    if (match) return { status: match[1], code: error.code, message: error.message };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return { status: 400, code: 'invalid_input', message: fastifyError.message ?? 'Invalid input' };
  }
  // Fastify's own client errors (malformed JSON, wrong content type, body too large, ...).
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      status,
      code: CODE_BY_STATUS[status] ?? 'bad_request',
      message: fastifyError.message ?? 'Bad request',
    };
  }
  return { status: 500, code: 'internal_error', message: 'Internal server error' };
}

/**
 * Answers a request that Node's HTTP parser rejected, in the usual `{ error: { code, message } }`
 * shape (Fastify's own answer has another). The typical case is a body that ends before its
 * declared length: the client closed its side mid-upload, and the upload itself fails on its own.
 */
export function sendClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large']
        : [400, 'malformed_request', `The request is malformed or incomplete (${error.code})`];
  // Only when no answer has been started on this connection, as Node itself does.
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const body = JSON.stringify({ error: { code, message } });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
    if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: http.code, message: http.message }, 'request rejected');
    if (error instanceof RangeNotSatisfiableError)
      reply.header('content-range', `bytes */${error.size}`);
    return reply.status(http.status).send({ error: { code: http.code, message: http.message } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  );
}
