import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiaisonClient } from '@liaison/client';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApi, startApi } from '../../../apps/api/test/helpers.js';

/** Demo people signed in once for a CLI test: an API token each, as the CLI is used in scripts. */
export interface CliPeople {
  /** The person's signed-in client, for setting up and checking what the CLI did. */
  client(email: string): LiaisonClient;
  /** The environment that runs the CLI as this person (their token, no config file of the machine). */
  env(email: string): Record<string, string>;
}

export async function signInPeople(
  apiUrl: string,
  scratch: string,
  emails: readonly string[],
): Promise<CliPeople> {
  const tokens = new Map<string, string>();
  const clients = new Map<string, LiaisonClient>();
  for (const email of emails) {
    const anonymous = new LiaisonClient({ url: apiUrl });
    const session = anonymous.withToken(
      (await anonymous.signIn(email, 'liaison-demo')).accessToken,
    );
    const { token } = await session.createApiToken({ name: `cli test ${email}`, expiresInDays: 1 });
    tokens.set(email, token);
    clients.set(email, session);
  }
  const known = <T>(map: Map<string, T>, email: string): T => {
    const value = map.get(email);
    if (value === undefined) throw new Error(`${email} was not signed in for this test`);
    return value;
  };
  return {
    client: (email) => known(clients, email),
    env: (email) => ({
      LIAISON_URL: apiUrl,
      LIAISON_TOKEN: known(tokens, email),
      XDG_CONFIG_HOME: join(scratch, 'none'),
    }),
  };
}

/** What a CLI test file works with: the API it started, a scratch folder and its people. */
export interface CliTestBench {
  readonly api: RunningApi;
  readonly scratch: string;
  readonly people: CliPeople;
}

/**
 * For a CLI test file: before its tests, starts the API, lets `prepare` add what the file needs,
 * makes a scratch folder named `<scratchPrefix>…` and signs `emails` in; after them, closes the
 * API and removes the folder. Read the fields inside the tests.
 */
export function useCliTestBench(
  scratchPrefix: string,
  emails: readonly string[],
  prepare: (api: RunningApi) => Promise<void> = async () => {},
): CliTestBench {
  let api: RunningApi | undefined;
  let scratch: string | undefined;
  let people: CliPeople | undefined;
  beforeAll(async () => {
    api = await startApi();
    await prepare(api);
    scratch = await mkdtemp(join(tmpdir(), scratchPrefix));
    people = await signInPeople(api.url, scratch, emails);
  });
  afterAll(async () => {
    await api?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the API starts in beforeAll; use it inside a test');
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get scratch() {
      return started(scratch);
    },
    get people() {
      return started(people);
    },
  };
}
