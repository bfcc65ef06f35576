import { ErrorBody } from '@liaison/core';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { documented } from '../src/http/route-schema.js';

describe('documented', () => {
  it('keeps what the route takes and answers, and adds the error body for refusals', () => {
    const params = Type.Object({ id: Type.String() });
    const answer = Type.Object({ name: Type.String() });
    expect(
      documented('things', 'A thing', {
        params,
        consumes: ['multipart/form-data'],
        response: { 200: answer, '5xx': ErrorBody },
      }),
    ).toEqual({
      schema: {
        tags: ['things'],
        summary: 'A thing',
        params,
        consumes: ['multipart/form-data'],
        response: { 200: answer, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    });
  });
});
