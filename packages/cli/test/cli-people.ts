import { join } from 'node:path';
import { LiaisonClient } from '@liaison/client';

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
