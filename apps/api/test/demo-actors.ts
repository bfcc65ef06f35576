import type { Role } from '@liaison/core';
import { hashPassword } from '@liaison/core/server';
import { DEMO_PASSWORD, insertMembership, insertUserWithPassword, type Pool } from '@liaison/db';
import { TestClient } from './client.js';
import { type SignedInApi, useSignedInApi } from './signed-in-api.js';

/**
 * The actors of the small authorization matrices: the ten demo users (three organizations × three
 * roles, and the operator) and an anonymous caller (null).
 */
export const DEMO_ORGANIZATIONS = ['ofa', 'dmtf', 'snia'] as const;
const ROLES = ['admin', 'editor', 'member'] as const;
export const OPERATOR_EMAIL = 'operator@liaison.example';
export const DEMO_ACTORS: (string | null)[] = [
  ...DEMO_ORGANIZATIONS.flatMap((organization) =>
    ROLES.map((role) => `${role}@${organization}.example`),
  ),
  OPERATOR_EMAIL,
  null,
];

/** Adds a person beside the demo people, a `role` of `organization`, with the demo password. */
export async function addDemoPerson(
  pool: Pool,
  person: { email: string; name: string; organization: string; role: Role },
): Promise<void> {
  const userId = await insertUserWithPassword(pool, {
    email: person.email,
    name: person.name,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  if (!userId) throw new Error(`${person.email} is taken`);
  await insertMembership(pool, { organization: person.organization, userId, role: person.role });
}

/** A signed-in client per demo actor (anonymous: no token), by e-mail (null for anonymous). */
async function clientsOfDemoActors(apiUrl: string): Promise<Map<string | null, TestClient>> {
  const clients = new Map<string | null, TestClient>();
  for (const email of DEMO_ACTORS) {
    clients.set(email, email ? await TestClient.signIn(apiUrl, email) : new TestClient(apiUrl));
  }
  return clients;
}

/** Each actor signed in (one without an e-mail address: anonymous, no token), by `nameOf`. */
export async function signInActors<Actor extends { email: string | null }>(
  apiUrl: string,
  actors: readonly Actor[],
  nameOf: (actor: Actor) => string,
): Promise<Map<string, TestClient>> {
  const clients = new Map<string, TestClient>();
  for (const actor of actors) {
    clients.set(
      nameOf(actor),
      actor.email ? await TestClient.signIn(apiUrl, actor.email) : new TestClient(apiUrl),
    );
  }
  return clients;
}

/**
 * The demo people of `organizations` signed in, and a lookup by `role@organization` (e.g.
 * `editor@ofa`) that fails loudly for someone the test did not sign in.
 */
export async function signInDemoPeople(
  apiUrl: string,
  organizations: readonly string[] = DEMO_ORGANIZATIONS,
): Promise<(name: string) => TestClient> {
  const people = new Map<string, TestClient>();
  for (const organization of organizations) {
    for (const role of ROLES) {
      people.set(
        `${role}@${organization}`,
        await TestClient.signIn(apiUrl, `${role}@${organization}.example`),
      );
    }
  }
  return (name) => {
    const client = people.get(name);
    if (!client) throw new Error(`${name} is not signed in in this test`);
    return client;
  };
}

/**
 * For a test file: starts the API with the demo people of every organization signed in before the
 * file's tests, and closes it after them.
 */
export function useApiWithDemoPeople(): SignedInApi {
  return useSignedInApi((api) => signInDemoPeople(api.url));
}

/**
 * For a test file: starts the API with every demo actor signed in before the file's tests (`as`
 * takes an e-mail address, null for the anonymous caller), and closes it after them.
 */
export function useApiWithDemoActors(): SignedInApi<string | null> {
  return useSignedInApi(async (api) => {
    const clients = await clientsOfDemoActors(api.url);
    return (email) => {
      const client = clients.get(email);
      if (!client) throw new Error(`no client for ${email}`);
      return client;
    };
  });
}
