import { Stream } from 'node:stream';
import { InvalidInputError } from '@liaison/core';
import type { FastifyInstance } from 'fastify';

/** Whether a parsed query, path or JSON body holds a NUL character in any key or string. */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\0')) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (isParsedObject(next)) {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes('\0')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

// What the query-string and JSON parsers make (the former without Object.prototype); never a
// Buffer or a stream, whose bytes are data.
function isParsedObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Stream)
  );
}

/**
 * PostgreSQL refuses NUL in text, so a NUL that reached a query would answer 500. No text the API
 * takes has a use for one: every route refuses it in its query string, path and JSON body, with
 * 400, before validation and before anything reads the database.
 */
export function registerNulRefusal(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['query string', request.query],
      ['path', request.params],
      ['body', request.body],
    ] as const) {
      if (containsNul(value)) {
        throw new InvalidInputError(`The ${part} holds a NUL character`);
      }
    }
  });
}
