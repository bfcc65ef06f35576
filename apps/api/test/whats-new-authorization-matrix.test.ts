/**
 * The What's new authorization matrix (issue 17), run against the live API over HTTP.
 *
 * Items of every kind are planted for every organization: a version of a document of each owner,
 * visibility and register; submissions between each pair of register parties, accepted, declined
 * and withdrawn; statements from each party to each other party of its registers, sent to the
 * parties or publicly, and drafts. Every actor (the nine demo users, the operator) must then find
 * in What's new exactly the planted items the permission table
 * (packages/core/test/fixtures/permission-table.ts, not packages/core's policy) lets them read,
 * less what they did themselves, and statements only when sent to their organization. Every item
 * listed, planted or from the demo data, must also be readable one by one through its own route,
 * and the count must count the new ones. Anonymous callers get 401.
 */
import type { WhatsNew, WhatsNewCount, WhatsNewItem } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentActorKind,
  documentTableAllows,
  type StatementActorKind,
  type SubmissionActorKind,
  statementTableAllows,
  submissionTableAllows,
} from '../../../packages/core/test/fixtures/permission-table.js';
import { TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  ORGANIZATIONS,
  type Organization,
  REGISTER_PARTIES,
  REGISTERS,
  type Register,
  ROLES,
  type Role,
  VISIBILITIES,
  type Visibility,
} from './matrix-documents.js';
import { createDraft, sendStatement } from './statement-fixtures.js';
import {
  filePart,
  iprSha256,
  postForm,
  type SubmissionBody,
  submissionFields,
  transition,
} from './submission-fixtures.js';

/** Each ordered pair of parties of a register, with the register. */
const PAIRS = REGISTERS.flatMap((register) => {
  const [first, second] = REGISTER_PARTIES[register];
  return [
    { from: first, to: second, register },
    { from: second, to: first, register },
  ];
});

interface ActorSpec {
  email: string;
  membership: { organization: Organization; role: Role } | null;
}

const ACTORS: ActorSpec[] = [
  ...ORGANIZATIONS.flatMap((organization) =>
    ROLES.map((role) => ({
      email: `${role}@${organization}.example`,
      membership: { organization, role },
    })),
  ),
  { email: 'operator@liaison.example', membership: null },
];

/** A planted item: its key as What's new shows it, who made it, and who may see it. */
interface Planted {
  key: string;
  by: string;
  visibleTo(actor: ActorSpec): boolean;
}

/** An item's key: its kind and the object it leads to (a submission has one decision). */
function keyOf(item: WhatsNewItem): string {
  switch (item.kind) {
    case 'version':
      return `version:${item.id}`;
    case 'decision':
      return `decision:${item.submission.id}`;
    case 'statement':
      return `statement:${item.statement.id}`;
  }
}

/** The route that reads the item's object: it must answer 200 to whoever sees the item. */
function readPathOf(item: WhatsNewItem): string {
  switch (item.kind) {
    case 'version':
      return `/api/v1/documents/${item.document.id}/versions/${item.id}/content`;
    case 'decision':
      return `/api/v1/submissions/${item.submission.id}`;
    case 'statement':
      return `/api/v1/statements/${item.statement.id}`;
  }
}

function documentActorKind(
  actor: ActorSpec,
  owner: Organization,
  register: Register | null,
): DocumentActorKind {
  const membership = actor.membership;
  if (membership === null) return 'operator, no membership';
  if (membership.organization === owner) return `owner ${membership.role}`;
  const coParty =
    register !== null &&
    (REGISTER_PARTIES[register] as readonly Organization[]).includes(membership.organization);
  return coParty ? `co-party ${membership.role}` : `third-party ${membership.role}`;
}

function submissionActorKind(
  actor: ActorSpec,
  submission: { from: Organization; to: Organization; submitter: string },
): SubmissionActorKind {
  const membership = actor.membership;
  if (membership === null) return 'operator, no membership';
  if (actor.email === submission.submitter) return 'submitter';
  if (membership.organization === submission.from) return `submitting ${membership.role}`;
  if (membership.organization === submission.to) return `receiving ${membership.role}`;
  return `third-party ${membership.role}`;
}

function statementActorKind(
  actor: ActorSpec,
  statement: { from: Organization; to: Organization },
): StatementActorKind {
  const membership = actor.membership;
  if (membership === null) return 'operator, no membership';
  if (membership.organization === statement.from) return `sending ${membership.role}`;
  if (membership.organization === statement.to) return `receiving ${membership.role}`;
  return `third-party ${membership.role}`;
}

describe("the What's new authorization matrix", () => {
  let api: RunningApi;
  const clients = new Map<string, TestClient>();
  const client = (email: string) => clients.get(email)!;
  const planted: Planted[] = [];

  async function plantVersions() {
    for (const owner of ORGANIZATIONS) {
      const registers = REGISTERS.filter((register) =>
        (REGISTER_PARTIES[register] as readonly Organization[]).includes(owner),
      );
      for (const visibility of VISIBILITIES as readonly Visibility[]) {
        for (const register of [null, ...registers]) {
          // A partners document is always shared under a register (the API refuses one that is not).
          if (visibility === 'partners' && register === null) continue;
          const by = `admin@${owner}.example`;
          const document = await createDocumentWithVersion(client(by), {
            organization: owner,
            visibility,
            registers: register ? [register] : [],
          });
          planted.push({
            key: `version:${document.versionId}`,
            by,
            visibleTo: (actor) =>
              documentTableAllows(documentActorKind(actor, owner, register), visibility, 'read'),
          });
        }
      }
    }
  }

  async function plantDecisions() {
    for (const { from, to, register } of PAIRS) {
      for (const decision of ['accepted', 'declined', 'withdrawn'] as const) {
        const submitter = `editor@${from}.example`;
        const answer = await postForm(client(submitter), [
          ...submissionFields(await iprSha256(client(submitter), to), {
            register,
            to,
            title: `${from} to ${to}, ${decision}`,
          }),
          filePart('contribution.pdf'),
        ]);
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        const id = (answer.body as unknown as SubmissionBody).id;
        const by = decision === 'withdrawn' ? submitter : `admin@${to}.example`;
        if (decision !== 'withdrawn') {
          expect((await transition(client(by), id, 'under-review')).status).toBe(200);
        }
        expect((await transition(client(by), id, decision, 'Decided')).status).toBe(200);
        planted.push({
          key: `decision:${id}`,
          by,
          visibleTo: (actor) =>
            submissionTableAllows(submissionActorKind(actor, { from, to, submitter }), 'read'),
        });
      }
    }
  }

  async function plantStatements() {
    for (const { from, to, register } of PAIRS) {
      for (const visibility of ['parties', 'public', 'draft'] as const) {
        const draft = await createDraft(client(`editor@${from}.example`), {
          register,
          to: [to],
          title: `${from} to ${to}, ${visibility}`,
          visibility: visibility === 'draft' ? 'parties' : visibility,
        });
        const by = `admin@${from}.example`;
        if (visibility !== 'draft') await sendStatement(client(by), draft.id);
        const tableCase = visibility === 'draft' ? 'draft' : (`sent ${visibility}` as const);
        const tableCaseName = tableCase === 'sent parties' ? 'sent to parties' : tableCase;
        planted.push({
          key: `statement:${draft.id}`,
          by,
          // Only what was sent to the reader's organization is news to them.
          visibleTo: (actor) =>
            actor.membership?.organization === to &&
            statementTableAllows(statementActorKind(actor, { from, to }), tableCaseName, 'read'),
        });
      }
    }
  }

  beforeAll(async () => {
    api = await startApi();
    // Submissions and statements need an approved register; the demo's SNIA/DMTF one is a draft.
    await api.pool.query(`update work_registers set state = 'approved' where slug = 'snia-dmtf'`);
    for (const actor of ACTORS)
      clients.set(actor.email, await TestClient.signIn(api.url, actor.email));
    await plantVersions();
    await plantDecisions();
    await plantStatements();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers anonymous callers 401', async () => {
    const anonymous = new TestClient(api.url);
    expect((await anonymous.json('GET', '/api/v1/me/whats-new')).status).toBe(401);
    expect((await anonymous.json('POST', '/api/v1/me/whats-new/visits')).status).toBe(401);
    expect((await anonymous.json('GET', '/api/v1/me/whats-new/count')).status).toBe(401);
  });

  it.each(ACTORS.map((actor) => [actor.email, actor] as const))(
    '%s finds exactly the planted items they may read, each readable one by one, and counts them',
    async (_name, actor) => {
      const caller = client(actor.email);
      const answer = await caller.json<WhatsNew>('GET', '/api/v1/me/whats-new');
      expect(answer.status).toBe(200);
      const listed = answer.body.items.map(keyOf);
      expect(new Set(listed).size, 'no item twice').toBe(listed.length);

      const plantedKeys = new Set(planted.map((item) => item.key));
      const expected = planted
        .filter((item) => item.by !== actor.email && item.visibleTo(actor))
        .map((item) => item.key);
      expect(listed.filter((key) => plantedKeys.has(key)).sort()).toEqual(expected.sort());

      for (const item of answer.body.items) {
        const read = await caller.fetch(readPathOf(item));
        await read.arrayBuffer();
        expect(read.status, `${actor.email} reads ${keyOf(item)}`).toBe(200);
      }

      // Never visited: every item of the last 28 days is new.
      expect(answer.body.items.every((item) => item.new)).toBe(true);
      const count = await caller.json<WhatsNewCount>('GET', '/api/v1/me/whats-new/count');
      expect(count).toEqual({ status: 200, body: { count: Math.min(listed.length, 100) } });
    },
  );

  it('plants something each organization role sees and something it does not', () => {
    // The matrix would prove little if the table let everyone, or no one, see the planted items.
    for (const actor of ACTORS) {
      const seen = planted.filter((item) => item.by !== actor.email && item.visibleTo(actor));
      expect(seen.length, actor.email).toBeGreaterThan(0);
      expect(seen.length, actor.email).toBeLessThan(planted.length);
    }
  });
});
