/**
 * The authorization matrix of the follow routes, run against the live API over HTTP: every demo
 * user and an anonymous caller try to follow every kind of document (each owner, visibility and
 * register), the demo registers and an organization, and to list and end follows, their own and
 * another person's. Whether a document may be followed comes from the permission table
 * (packages/core/test/fixtures/permission-table.ts: following is reading), not from the policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTableAllows } from '../../../packages/core/test/fixtures/permission-table.js';
import type { TestClient } from './client.js';
import { mapLimit } from './concurrency.js';
import { signInActors } from './demo-actors.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  ACTORS,
  type ActorSpec,
  actorKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  type Organization,
  REGISTER_PARTIES,
  REGISTERS,
  type Register,
} from './matrix-documents.js';

/** The demo registers: ofa-dmtf is approved (public), snia-dmtf a draft (its parties only). */
const APPROVED: Record<Register, boolean> = { 'ofa-dmtf': true, 'snia-dmtf': false };

function mayReadRegister(actor: ActorSpec, register: Register): boolean {
  const operator = actor.email !== null && actor.membership === null;
  return (
    APPROVED[register] ||
    operator ||
    (actor.membership !== null &&
      (REGISTER_PARTIES[register] as readonly Organization[]).includes(
        actor.membership.organization,
      ))
  );
}

const CONCURRENCY = 4;
let api: RunningApi;
let clients: Map<string, TestClient>;
const documents: { spec: DocumentKind; id: string }[] = [];

beforeAll(async () => {
  api = await startApi();
  clients = await signInActors(api.url, ACTORS, (actor) => actor.name);
  const created = await mapLimit(DOCUMENT_KINDS, CONCURRENCY, async (spec) => {
    const admin = clients.get(`admin@${spec.owner}.example`)!;
    const { id } = await createDocument(admin, {
      organization: spec.owner,
      visibility: spec.visibility,
      registers: spec.register ? [spec.register] : [],
    });
    return { spec, id };
  });
  documents.push(...created);
}, 120_000);
afterAll(async () => {
  await api?.close();
});

describe('follow authorization matrix', () => {
  it('follows a document iff the actor may read it (else 404; anonymous 401)', async () => {
    const cases = ACTORS.flatMap((actor) => documents.map((document) => ({ actor, document })));
    const problems = await mapLimit(cases, CONCURRENCY, async ({ actor, document }) => {
      const answer = await clients
        .get(actor.name)!
        .json('POST', '/api/v1/me/follows', { kind: 'document', document: document.id });
      const expected =
        actor.email === null
          ? 401
          : documentTableAllows(actorKind(actor, document.spec), document.spec.visibility, 'read')
            ? 201
            : 404;
      return answer.status === expected
        ? []
        : [`${actor.name} → ${JSON.stringify(document.spec)}: ${answer.status} ≠ ${expected}`];
    });
    expect(problems.flat()).toEqual([]);
  }, 120_000);

  it('follows a register iff the actor may read it, and any organization when signed in', async () => {
    const problems: string[] = [];
    for (const actor of ACTORS) {
      const client = clients.get(actor.name)!;
      for (const register of REGISTERS) {
        const answer = await client.json('POST', '/api/v1/me/follows', {
          kind: 'register',
          register,
        });
        const expected = actor.email === null ? 401 : mayReadRegister(actor, register) ? 201 : 404;
        if (answer.status !== expected) {
          problems.push(`${actor.name} → ${register}: ${answer.status} ≠ ${expected}`);
        }
      }
      const organization = await client.json('POST', '/api/v1/me/follows', {
        kind: 'organization',
        organization: 'dmtf',
      });
      const expected = actor.email === null ? 401 : 201;
      if (organization.status !== expected) {
        problems.push(`${actor.name} → dmtf: ${organization.status} ≠ ${expected}`);
      }
    }
    const missing = await clients
      .get('member@ofa.example')!
      .json('POST', '/api/v1/me/follows', { kind: 'organization', organization: 'no-such-org' });
    if (missing.status !== 404) problems.push(`no-such-org: ${missing.status} ≠ 404`);
    expect(problems).toEqual([]);
  });

  it('lists and ends only the caller’s own follows', async () => {
    const owner = clients.get('member@ofa.example')!;
    const other = clients.get('member@dmtf.example')!;
    const followed = await owner.json<{ id: string }>('POST', '/api/v1/me/follows', {
      kind: 'organization',
      organization: 'snia',
    });
    expect(followed.status).toBe(201);
    const { id } = followed.body;

    const othersList = await other.json<{ items: { id: string }[] }>('GET', '/api/v1/me/follows');
    expect(othersList.status).toBe(200);
    expect(othersList.body.items.map((item) => item.id)).not.toContain(id);
    expect((await other.json('DELETE', `/api/v1/me/follows/${id}`)).status).toBe(404);
    expect((await clients.get('anonymous')!.json('GET', '/api/v1/me/follows')).status).toBe(401);
    expect(
      (await clients.get('anonymous')!.json('DELETE', `/api/v1/me/follows/${id}`)).status,
    ).toBe(401);

    const ownList = await owner.json<{ items: { id: string }[] }>('GET', '/api/v1/me/follows');
    expect(ownList.body.items.map((item) => item.id)).toContain(id);
    expect((await owner.json('DELETE', `/api/v1/me/follows/${id}`)).status).toBe(204);
    const after = await owner.json<{ items: { id: string }[] }>('GET', '/api/v1/me/follows');
    expect(after.body.items.map((item) => item.id)).not.toContain(id);
  });
});
