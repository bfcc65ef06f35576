/**
 * The statement authorization matrix (docs/architecture.md, "Statements"; issue 12), run against
 * the live API over HTTP.
 *
 * Every actor (the nine demo users of OFA, DMTF and SNIA, the operator, and an anonymous caller)
 * tries every statement route on statements from OFA to DMTF under the OFA/DMTF register, in each
 * case of the permission table: a draft, a comment sent to the parties, a comment sent publicly.
 * The expected outcome comes from the permission table in code
 * (packages/core/test/fixtures/permission-table.ts, STATEMENT_TABLE), NOT from packages/core's
 * policy, so the policy is checked against the design rather than against itself.
 *
 * Statuses: a caller who may not read the statement gets 404, exactly as for a missing one (and
 * anonymous callers 401 on every write); a reader who may not act gets 403, or 409 when their
 * role would allow the action in another state; an allowed action succeeds. Every write runs on a
 * fresh statement in the case's state, and afterwards the sending admin checks that it changed
 * exactly when the action was allowed. At the end, for every actor, the statements they can list
 * are exactly those they can read one by one, over every statement in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STATEMENT_TABLE,
  type StatementActorKind,
  type StatementTableAction,
  type StatementTableCase,
  statementTableAllows,
} from '../../../packages/core/test/fixtures/permission-table.js';
import type { TestClient } from './client.js';
import { mapLimit } from './concurrency.js';
import { signInActors } from './demo-actors.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  ACTORS,
  type ActorSpec,
  ORGANIZATIONS,
  type Organization,
  ROLES,
} from './matrix-documents.js';
import { answerOf } from './raw-requests.js';
import {
  attach,
  createDraft,
  listAll,
  type StatementBody,
  sendStatement,
} from './statement-fixtures.js';
import { filePart } from './submission-fixtures.js';

// ---------------------------------------------------------------------------------------------
// The dimensions of the matrix.

/** The statements of the matrix go from SENDER to RECEIVER; SNIA is the third party. */
const SENDER: Organization = 'ofa';
const RECEIVER: Organization = 'dmtf';

const CASES = Object.keys(STATEMENT_TABLE.anonymous) as StatementTableCase[];

const CASE_SETUP: Record<StatementTableCase, { sent: boolean; visibility: 'parties' | 'public' }> =
  {
    draft: { sent: false, visibility: 'parties' },
    'sent to parties': { sent: true, visibility: 'parties' },
    'sent public': { sent: true, visibility: 'public' },
  };

/** Every write route, with the table action it needs and what it answers when allowed. */
const WRITES = {
  edit: { action: 'edit', success: 200 },
  discard: { action: 'edit', success: 204 },
  attach: { action: 'edit', success: 201 },
  detach: { action: 'edit', success: 204 },
  send: { action: 'send', success: 200 },
  withdraw: { action: 'withdraw', success: 200 },
  'mark-answered': { action: 'mark-answered', success: 200 },
  reply: { action: 'reply', success: 201 },
} as const satisfies Record<string, { action: StatementTableAction; success: number }>;
type Write = keyof typeof WRITES;

// ---------------------------------------------------------------------------------------------
// The expected outcome, from the permission table.

function actorKind(actor: ActorSpec): StatementActorKind {
  const membership = actor.membership;
  if (membership === null) return actor.email === null ? 'anonymous' : 'operator, no membership';
  if (membership.organization === SENDER) return `sending ${membership.role}`;
  if (membership.organization === RECEIVER) return `receiving ${membership.role}`;
  return `third-party ${membership.role}`;
}

const may = (actor: ActorSpec, action: StatementTableAction, statementCase: StatementTableCase) =>
  statementTableAllows(actorKind(actor), statementCase, action);

/** Whether the actor's role allows the action in some state: then a wrong state answers 409. */
const roleAllows = (actor: ActorSpec, action: StatementTableAction) =>
  CASES.some((statementCase) => may(actor, action, statementCase));

/** The statuses the write may answer: exactly one, except a refused reply (a new statement). */
function expectedStatuses(actor: ActorSpec, write: Write, statementCase: StatementTableCase) {
  const { action, success } = WRITES[write];
  if (actor.email === null) return [401];
  if (may(actor, action, statementCase)) return [success];
  // A reply is a new statement: refused as a statement the caller may not write (403), or as a
  // reference to one they may not answer (422), whether they can read the original or not.
  if (write === 'reply') return [403, 422];
  if (!may(actor, 'read', statementCase)) return [404];
  return [roleAllows(actor, action) ? 409 : 403];
}

function expectedPermissions(actor: ActorSpec, statementCase: StatementTableCase) {
  return {
    edit: may(actor, 'edit', statementCase),
    send: may(actor, 'send', statementCase),
    withdraw: may(actor, 'withdraw', statementCase),
    markAnswered: may(actor, 'mark-answered', statementCase),
    reply: may(actor, 'reply', statementCase),
  };
}

// ---------------------------------------------------------------------------------------------
// Running it.

const CONCURRENCY = 6;

let api: RunningApi;
let clients: Map<string, TestClient>;
const clientOf = (actor: ActorSpec) => clients.get(actor.name)!;
const byEmail = (email: string) => clients.get(email)!;
const sendingEditor = () => byEmail(`editor@${SENDER}.example`);
const sendingAdmin = () => byEmail(`admin@${SENDER}.example`);

const ATTACHMENT = '%PDF-1.7 statement attachment';

/** A statement from OFA to DMTF in the case's state, with one attachment. */
async function prepare(statementCase: StatementTableCase, title: string): Promise<StatementBody> {
  const setup = CASE_SETUP[statementCase];
  const draft = await createDraft(sendingEditor(), {
    to: [RECEIVER],
    title,
    visibility: setup.visibility,
  });
  const attached = await attach(sendingEditor(), draft.id, [filePart('a.pdf', ATTACHMENT)]);
  expect(attached.status).toBe(201);
  return setup.sent ? sendStatement(sendingAdmin(), draft.id) : attached.body;
}

/** One statement per case, for the reads. */
const shared = new Map<StatementTableCase, StatementBody>();

async function perform(
  client: TestClient,
  actor: ActorSpec,
  write: Write,
  statement: StatementBody,
) {
  const path = `/api/v1/statements/${statement.id}`;
  switch (write) {
    case 'edit':
      return client.json('PATCH', path, { title: `edited by ${actor.name}` });
    case 'discard':
      return answerOf(await client.fetch(path, { method: 'DELETE' }));
    case 'attach':
      return attach(client, statement.id, [filePart('b.pdf')]);
    case 'detach':
      return answerOf(
        await client.fetch(`${path}/attachments/${statement.attachments[0]!.id}`, {
          method: 'DELETE',
        }),
      );
    case 'send':
      return client.json('POST', `${path}/send`);
    case 'withdraw':
      return client.json('POST', `${path}/withdraw`, { reason: 'matrix' });
    case 'mark-answered':
      return client.json('POST', `${path}/answered`, {});
    case 'reply':
      return client.json('POST', '/api/v1/statements', {
        register: 'ofa-dmtf',
        ...(actor.membership ? { from: actor.membership.organization } : {}),
        to: [SENDER],
        title: `reply by ${actor.name}`,
        purpose: 'response',
        refersTo: [statement.id],
      });
  }
}

beforeAll(async () => {
  api = await startApi();
  clients = await signInActors(api.url, ACTORS, (actor) => actor.name);
  for (const statementCase of CASES) {
    shared.set(statementCase, await prepare(statementCase, `shared ${statementCase}`));
  }
});

afterAll(async () => {
  await api?.close();
});

describe('statement authorization matrix', () => {
  it('covers 11 actors and every kind of the table', () => {
    expect(ACTORS).toHaveLength(ORGANIZATIONS.length * ROLES.length + 2);
    expect(new Set(ACTORS.map(actorKind))).toEqual(new Set(Object.keys(STATEMENT_TABLE)));
  });

  describe('create: writing a draft is "edit" on a draft of one\'s own party', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const membership = actor.membership;
      const from = membership?.organization;
      const answer = await clientOf(actor).json('POST', '/api/v1/statements', {
        register: 'ofa-dmtf',
        ...(from ? { from } : {}),
        to: [from === RECEIVER ? SENDER : RECEIVER],
        title: `created by ${actor.name}`,
        purpose: 'information',
      });
      const writer =
        membership !== null && statementTableAllows(`sending ${membership.role}`, 'draft', 'edit');
      // A writer of an organization that is no party of the register is refused by the address
      // rule (422 not_a_party), not by the table.
      const party = from === SENDER || from === RECEIVER;
      const expected = actor.email === null ? 401 : !writer ? 403 : party ? 201 : 422;
      expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
    });
  });

  describe('get: 200 with the permissions of the table iff readable, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems: string[] = [];
      for (const statementCase of CASES) {
        const answer = await clientOf(actor).json<StatementBody>(
          'GET',
          `/api/v1/statements/${shared.get(statementCase)!.id}`,
        );
        const expected = may(actor, 'read', statementCase) ? 200 : 404;
        if (answer.status !== expected) {
          problems.push(`${statementCase}: expected ${expected}, got ${answer.status}`);
        } else if (expected === 200) {
          const want = expectedPermissions(actor, statementCase);
          if (JSON.stringify(answer.body.permissions) !== JSON.stringify(want)) {
            problems.push(
              `${statementCase}: permissions ${JSON.stringify(answer.body.permissions)}, want ${JSON.stringify(want)}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('download an attachment: 200 iff readable, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems: string[] = [];
      for (const statementCase of CASES) {
        const statement = shared.get(statementCase)!;
        const response = await clientOf(actor).fetch(
          `/api/v1/statements/${statement.id}/attachments/${statement.attachments[0]!.id}/content`,
        );
        const body = await response.text();
        const expected = may(actor, 'read', statementCase) ? 200 : 404;
        if (response.status !== expected) {
          problems.push(`${statementCase}: expected ${expected}, got ${response.status}`);
        } else if (expected === 200 && body !== ATTACHMENT) {
          problems.push(`${statementCase}: wrong bytes`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  for (const write of Object.keys(WRITES) as Write[]) {
    describe(`${write}: needs "${WRITES[write].action}" in the table`, () => {
      it.each(ACTORS)('$name', async (actor) => {
        const problems = await mapLimit(CASES, CONCURRENCY, async (statementCase) => {
          const statement = await prepare(statementCase, `${write} by ${actor.name}`);
          const path = `/api/v1/statements/${statement.id}`;
          const before = await sendingAdmin().json<StatementBody>('GET', path);
          const answer = await perform(clientOf(actor), actor, write, statement);
          const after = await sendingAdmin().json<StatementBody>('GET', path);
          const expected = expectedStatuses(actor, write, statementCase);
          if (!expected.includes(answer.status)) {
            return [`${statementCase}: expected ${expected}, got ${answer.status}`];
          }
          const succeeded = answer.status === WRITES[write].success;
          // A reply is a statement of its own: the original stays as it was either way.
          const changed = JSON.stringify(after) !== JSON.stringify(before);
          if (changed !== (succeeded && write !== 'reply')) {
            return [`${statementCase}: changed ${changed}, succeeded ${succeeded}`];
          }
          if (succeeded && write === 'reply') {
            const reply = answer.body as unknown as StatementBody;
            if (reply.refersTo[0]?.id !== statement.id) return [`${statementCase}: reply lost`];
          }
          return [];
        });
        expect(problems.flat()).toEqual([]);
      });
    });
  }

  describe('list = get: exactly the statements the actor reads one by one', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const { rows } = await api.pool.query<{ id: string }>('select id from statements');
      const listed = new Set(await listAll(client));
      const owed = new Set(await listAll(client, 'owed=true'));
      const problems: string[] = [];
      for (const { id } of rows) {
        const readable = (await client.json('GET', `/api/v1/statements/${id}`)).status === 200;
        if (listed.has(id) !== readable) {
          problems.push(`${id}: listed ${listed.has(id)}, readable ${readable}`);
        }
        if (owed.has(id) && !readable) problems.push(`${id}: owed but not readable`);
      }
      expect(rows.length).toBeGreaterThan(CASES.length * Object.keys(WRITES).length);
      expect(problems).toEqual([]);
    });
  });
});
