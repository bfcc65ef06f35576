import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';

describe('the typed errors', () => {
  it('carry their kind’s code unless given a more specific one, and their own class name', () => {
    const kinds = [
      [errors.InvalidInputError, 'invalid_input'],
      [errors.UnprocessableError, 'unprocessable'],
      [errors.UnauthenticatedError, 'unauthenticated'],
      [errors.ForbiddenError, 'forbidden'],
      [errors.ConflictError, 'conflict'],
    ] as const;
    for (const [Kind, code] of kinds) {
      const plain = new Kind('message');
      expect(plain).toBeInstanceOf(errors.LiaisonError);
      expect(plain).toBeInstanceOf(Kind);
      expect(plain.code).toBe(code);
      expect(plain.name).toBe(Kind.name);
      expect(plain.message).toBe('message');
      expect(new Kind('message', 'specific_case').code).toBe('specific_case');
    }
    expect(new errors.ConflictError('x')).not.toBeInstanceOf(errors.ForbiddenError);
    expect(new errors.NotFoundError('x').code).toBe('not_found');
  });
});
