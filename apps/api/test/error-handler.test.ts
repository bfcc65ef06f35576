import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnprocessableError,
} from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../src/http/error-handler.js';

describe('toHttpError', () => {
  it.each([
    [new InvalidInputError('bad'), 400, 'invalid_input'],
    [new UnauthenticatedError('who?'), 401, 'unauthenticated'],
    [new ForbiddenError('no'), 403, 'forbidden'],
    [new NotFoundError('gone'), 404, 'not_found'],
    [new ConflictError('dup', 'duplicate_identifier'), 409, 'duplicate_identifier'],
    [new PayloadTooLargeError('big'), 413, 'payload_too_large'],
    [new UnprocessableError('rule'), 422, 'unprocessable'],
    [new RateLimitedError('slow down'), 429, 'rate_limited'],
    [new DependencyUnavailableError('db down'), 503, 'dependency_unavailable'],
  ])('maps %s to %i', (error, status, code) => {
    expect(toHttpError(error)).toEqual({ status, code, message: error.message });
  });

  it('hides the message of an unexpected error', () => {
    expect(toHttpError(new Error('password=hunter2 in a stack'))).toEqual({
      status: 500,
      code: 'internal_error',
      message: 'Internal server error',
    });
  });
});
