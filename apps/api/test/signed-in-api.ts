import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from './client.js';
import { type ApiEnvironment, type RunningApi, startApi } from './helpers.js';

const notStarted = () => new Error('the API starts in beforeAll; use it inside a test');

/** The API a test file (or suite) started. */
export interface StartedApi {
  readonly api: RunningApi;
}

/** The API a test file started, and its signed-in callers by name. */
export interface SignedInApi<Name = string> extends StartedApi {
  as(name: Name): TestClient;
}

/**
 * For a test file, or the suite it is called in: starts the API with `environment` before the
 * tests and closes it after them. Read `api` inside the tests.
 */
export function useApi(environment: ApiEnvironment = {}): StartedApi {
  let api: RunningApi | undefined;
  beforeAll(async () => {
    api = await startApi(environment);
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    get api() {
      if (!api) throw notStarted();
      return api;
    },
  };
}

/**
 * For a test file: starts the API with `environment` before the file's tests, prepares it and
 * signs its callers in with `signIn`, and closes it after them. Read `api` and call `as` inside
 * the tests.
 */
export function useSignedInApi<Name = string>(
  signIn: (api: RunningApi) => Promise<(name: Name) => TestClient>,
  environment: ApiEnvironment = {},
): SignedInApi<Name> {
  const started = useApi(environment);
  let callers: ((name: Name) => TestClient) | undefined;
  beforeAll(async () => {
    callers = await signIn(started.api);
  });
  return {
    get api() {
      return started.api;
    },
    as(name) {
      if (!callers) throw notStarted();
      return callers(name);
    },
  };
}
