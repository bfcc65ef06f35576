// What the streaming upload proxies' tests expect of the request the fake API received.
import { expect } from 'vitest';
import type { ReceivedRequest } from './fake-api';

/**
 * That the API got the upload as the browser sent it: with the session's token and none of its
 * cookies, the multipart body's own type and length, and every byte of it.
 */
export function expectForwardedWhole(
  seen: ReceivedRequest | undefined,
  { type, length }: { type: string; length: number },
): void {
  expect(seen?.headers.authorization).toBe('Bearer session-token');
  expect(seen?.headers['content-type']).toBe(type);
  expect(seen?.headers['content-length']).toBe(String(length));
  expect(seen?.headers.cookie).toBeUndefined();
  expect(seen?.bytes).toBe(length);
}
