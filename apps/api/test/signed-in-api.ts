import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';

/** The API a test file started, and its signed-in callers by name. */
export interface SignedInApi<Name = string> {
  readonly api: RunningApi;
  as(name: Name): TestClient;
}

/**
 * For a test file: starts the API before the file's tests, prepares it and signs its callers in
 * with `signIn`, and closes it after them. Read `api` and call `as` inside the tests.
 */
export function useSignedInApi<Name = string>(
  signIn: (api: RunningApi) => Promise<(name: Name) => TestClient>,
): SignedInApi<Name> {
  let api: RunningApi | undefined;
  let callers: ((name: Name) => TestClient) | undefined;
  beforeAll(async () => {
    api = await startApi();
    callers = await signIn(api);
  });
  afterAll(async () => {
    await api?.close();
  });
  const notStarted = () => new Error('the API starts in beforeAll; use it inside a test');
  return {
    get api() {
      if (!api) throw notStarted();
      return api;
    },
    as(name) {
      if (!callers) throw notStarted();
      return callers(name);
    },
  };
}
