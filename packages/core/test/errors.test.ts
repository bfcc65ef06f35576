import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  LiaisonError,
  NotFoundError,
  UnauthenticatedError,
  UnprocessableError,
} from '../src/errors.js';

describe('the typed errors', () => {
  it('carry their kind’s code unless given a more specific one, and their own class name', () => {
    const kinds = [
      [InvalidInputError, 'invalid_input'],
      [UnprocessableError, 'unprocessable'],
      [UnauthenticatedError, 'unauthenticated'],
      [ForbiddenError, 'forbidden'],
      [ConflictError, 'conflict'],
    ] as const;
    for (const [Kind, code] of kinds) {
      const plain = new Kind('message');
      expect(plain).toBeInstanceOf(LiaisonError);
      expect(plain).toBeInstanceOf(Kind);
      expect(plain.code).toBe(code);
      expect(plain.name).toBe(Kind.name);
      expect(plain.message).toBe('message');
      expect(new Kind('message', 'specific_case').code).toBe('specific_case');
    }
    expect(new ConflictError('x')).not.toBeInstanceOf(ForbiddenError);
    expect(new NotFoundError('x').code).toBe('not_found');
  });
});
