/** Helpers for the work register tests: who is asking, and the database state of every register. */
import type { Pool } from '@liaison/db';
import { expect } from 'vitest';
import {
  type RegisterActorKind,
  type RegisterTableAction,
  registerTableAllows,
} from '../../../packages/core/test/fixtures/permission-table.js';
import { seedDemoDocuments } from '../src/services/demo/seed-demo-documents.js';
import { TestClient } from './client.js';
import { type SignedInApi, useSignedInApi } from './signed-in-api.js';
import { type TableState, tableStates } from './state-snapshot.js';

export const OPERATOR = 'operator@liaison.example';
export const ANONYMOUS = 'anonymous';
export const DEMO_USERS = [
  ...['ofa', 'dmtf', 'snia'].flatMap((org) =>
    ['admin', 'editor', 'member'].map((role) => `${role}@${org}.example`),
  ),
  OPERATOR,
];
export const ACTORS = [...DEMO_USERS, ANONYMOUS];

/**
 * How a demo user stands, in the permission table, to a register's party `party` (ofa or dmtf,
 * the parties of ofa-dmtf; snia is the third party): the table's actor kind.
 */
export function registerActorKind(actor: string, party: 'ofa' | 'dmtf'): RegisterActorKind {
  if (actor === ANONYMOUS) return 'anonymous';
  if (actor === OPERATOR) return 'operator, no membership';
  const [role, domain] = actor.split('@') as [string, string];
  const organization = domain.replace('.example', '');
  const stance =
    organization === party ? 'party' : organization === 'snia' ? 'third-party' : 'other-party';
  return `${stance} ${role}` as RegisterActorKind;
}

/** Whether the permission table lets `actor` do `action` to `party`'s items of ofa-dmtf. */
export function tableAllows(actor: string, action: RegisterTableAction, party: 'ofa' | 'dmtf') {
  return registerTableAllows(registerActorKind(actor, party), action);
}

async function signInAll(url: string): Promise<(actor: string) => TestClient> {
  const clients = new Map<string, TestClient>([[ANONYMOUS, new TestClient(url)]]);
  for (const email of DEMO_USERS) clients.set(email, await TestClient.signIn(url, email));
  return (actor) => {
    const client = clients.get(actor);
    if (!client) throw new Error(`no client for ${actor}`);
    return client;
  };
}

/**
 * For a register test file: starts the API with the demo documents and every demo actor signed in
 * before the file's tests, and closes it after them.
 */
export function useRegistersApi(): SignedInApi {
  return useSignedInApi(async (api) => {
    await seedDemoDocuments(api);
    return signInAll(api.url);
  });
}

/** Every table a register's data lives in, and the audit trail. */
const TABLES = [
  'work_registers',
  'register_parties',
  'register_benefits',
  'register_activities',
  'register_limitations',
  'register_access_rules',
  'register_milestones',
  'register_commitments',
  'register_contacts',
  'register_approvals',
  'register_events',
  'audit_events',
];

/** The rows of those tables and the mail queued: the same state, nothing changed. */
export async function registerState(
  pool: Pool,
): Promise<{ tables: Record<string, TableState>; mailQueued: string }> {
  // Mail queued, not its delivery (a worker may be sending earlier mail meanwhile).
  const { rows } = await pool.query<{ ids: string }>(
    `select coalesce(string_agg(id::text, ',' order by id), '') as ids from mail_outbox`,
  );
  return { tables: await tableStates(pool, TABLES), mailQueued: rows[0]!.ids };
}

/** Runs `action` and proves that it changed no register and wrote no audit event, history or mail. */
export async function expectUnchanged<T>(pool: Pool, action: () => Promise<T>): Promise<T> {
  const before = await registerState(pool);
  const result = await action();
  expect(await registerState(pool)).toEqual(before);
  return result;
}
