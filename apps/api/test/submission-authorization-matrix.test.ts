/**
 * The submission authorization matrix (docs/architecture.md, "Submissions"; issue 5), run against
 * the live API over HTTP.
 *
 * Every actor (the ten demo users, a second OFA editor who is not the submitter, and an anonymous
 * caller) tries every submission route on submissions in both directions of the OFA/DMTF register
 * (OFA → DMTF, submitted by editor@ofa; DMTF → OFA, submitted by editor@dmtf). The expected
 * outcome comes from the permission table in code (packages/core/test/fixtures/permission-table.ts),
 * NOT from packages/core's policy, so the policy is checked against the design rather than against
 * itself:
 *
 * - create:   editors and admins of a party, to another party of the same register
 * - read:     the submitter, admins of the submitting organization, admins of the receiving one;
 *             never other members of either, never a third party, never the operator, never
 *             anonymous (list, get, download)
 * - comment:  receiving admins; the submitter's side (submitter and submitting admins) answers
 * - review, accept, decline: admins of the receiving organization
 * - withdraw: the submitter or admins of the submitting organization, before a decision
 * - adopt (make a document of, or link a document to, an accepted submission): receiving admins
 * - add files (upload, or attach a document version) before a decision: the submitter side
 * - provenance: a document made from a submission, made public, shows everyone the submitting
 *   organization, but the submission's reference and link only to those who may read it
 *
 * Statuses: anonymous callers get 401 on every submission route (the IPR policy is public); a
 * signed-in caller who cannot read the submission gets 404, exactly as for a missing one; a reader
 * who may not act gets 403; an allowed action answers 200 or 201. Actions that change a submission
 * run on a fresh one, brought to the state the action needs (submitted for review and withdraw,
 * under review for accept and decline, accepted for adopt and link); afterwards the receiving
 * admin checks that it changed exactly when the action was allowed. At the end, for every actor,
 * the submissions they can list must be exactly those they can read one by one, over every
 * submission the run created, and the outgoing and incoming boxes must split that list by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SUBMISSION_CREATORS,
  type SubmissionActorKind,
  type SubmissionTableAction,
  submissionTableAllows,
} from '../../../packages/core/test/fixtures/permission-table.js';
import { TestClient } from './client.js';
import { mapLimit } from './concurrency.js';
import { addDemoPerson, signInActors } from './demo-actors.js';
import { type RunningApi, startApi } from './helpers.js';
import { MULTIPART_TYPE, multipartBody } from './raw-requests.js';
import {
  commentOnSubmission,
  filePart,
  iprSha256,
  postForm,
  type SubmissionBody,
  submissionFields,
  submit,
  transition,
} from './submission-fixtures.js';

// ---------------------------------------------------------------------------------------------
// The dimensions of the matrix.

const ORGANIZATIONS = ['ofa', 'dmtf', 'snia'] as const;
type Organization = (typeof ORGANIZATIONS)[number];
const ROLES = ['admin', 'editor', 'member'] as const;
type Role = (typeof ROLES)[number];

/** The one approved demo register and its parties: submissions go between these two. */
const PARTIES: readonly Organization[] = ['ofa', 'dmtf'];

interface ActorSpec {
  name: string;
  email: string | null;
  membership: { organization: Organization; role: Role } | null;
}

const SECOND_OFA_EDITOR = 'editor2@ofa.example';

const ACTORS: ActorSpec[] = [
  ...ORGANIZATIONS.flatMap((organization) =>
    ROLES.map((role) => ({
      name: `${role}@${organization}.example`,
      email: `${role}@${organization}.example`,
      membership: { organization, role },
    })),
  ),
  {
    name: SECOND_OFA_EDITOR,
    email: SECOND_OFA_EDITOR,
    membership: { organization: 'ofa', role: 'editor' },
  },
  { name: 'operator@liaison.example', email: 'operator@liaison.example', membership: null },
  { name: 'anonymous', email: null, membership: null },
];

interface SubmissionSpec {
  from: Organization;
  to: Organization;
  /** The submitter's e-mail address. */
  submitter: string;
}

const SUBJECTS: SubmissionSpec[] = [
  { from: 'ofa', to: 'dmtf', submitter: 'editor@ofa.example' },
  { from: 'dmtf', to: 'ofa', submitter: 'editor@dmtf.example' },
];
const describeSubject = (subject: SubmissionSpec) =>
  `${subject.from}→${subject.to} by ${subject.submitter}`;

const WRITE_ACTIONS = [
  'review',
  'accept',
  'decline',
  'withdraw',
  'adopt',
  'link',
  'add-files',
] as const;
type WriteAction = (typeof WRITE_ACTIONS)[number];

// ---------------------------------------------------------------------------------------------
// The expected outcome: the permission table (packages/core/test/fixtures/permission-table.ts,
// the table of docs/architecture.md in code, independent of packages/core's policy).

/** How the actor stands to the submission, as the table names it. */
function actorKind(actor: ActorSpec, subject: SubmissionSpec): SubmissionActorKind {
  const membership = actor.membership;
  if (membership === null) return actor.email === null ? 'anonymous' : 'operator, no membership';
  if (actor.email === subject.submitter) return 'submitter';
  if (membership.organization === subject.from) return `submitting ${membership.role}`;
  if (membership.organization === subject.to) return `receiving ${membership.role}`;
  return `third-party ${membership.role}`;
}

const TABLE_ACTION: Record<WriteAction | 'comment', SubmissionTableAction> = {
  comment: 'comment',
  review: 'start-review',
  accept: 'accept',
  decline: 'decline',
  withdraw: 'withdraw',
  adopt: 'adopt',
  link: 'adopt',
  'add-files': 'add-files',
};

const expectCanRead = (actor: ActorSpec, subject: SubmissionSpec) =>
  submissionTableAllows(actorKind(actor, subject), 'read');

const expectMay = (actor: ActorSpec, action: WriteAction | 'comment', subject: SubmissionSpec) =>
  submissionTableAllows(actorKind(actor, subject), TABLE_ACTION[action]);

/** The reviewing side (the incoming box): those who may start a review. */
const isReceivingSide = (actor: ActorSpec, subject: SubmissionSpec) =>
  expectMay(actor, 'review', subject);

/** The submitting side (the outgoing box): those who may withdraw. */
const isSubmitterSide = (actor: ActorSpec, subject: SubmissionSpec) =>
  expectMay(actor, 'withdraw', subject);

const SUCCESS: Record<WriteAction | 'comment', number> = {
  comment: 201,
  review: 200,
  accept: 200,
  decline: 200,
  withdraw: 200,
  adopt: 201,
  link: 200,
  'add-files': 201,
};

function expectedStatus(
  actor: ActorSpec,
  action: WriteAction | 'comment' | 'get' | 'download',
  subject: SubmissionSpec,
): number {
  if (actor.email === null) return 401;
  if (!expectCanRead(actor, subject)) return 404;
  if (action === 'get' || action === 'download') return 200;
  return expectMay(actor, action, subject) ? SUCCESS[action] : 403;
}

/** Creating: editors and admins of a party, to the other party. */
function expectedCreateStatus(actor: ActorSpec): number {
  if (actor.email === null) return 401;
  const membership = actor.membership;
  return membership !== null &&
    PARTIES.includes(membership.organization) &&
    SUBMISSION_CREATORS.includes(membership.role)
    ? 201
    : 403;
}

/** The permissions of a readable submission that is still `submitted`. */
function expectedPermissions(actor: ActorSpec, subject: SubmissionSpec) {
  return {
    comment: expectMay(actor, 'comment', subject),
    startReview: expectMay(actor, 'review', subject),
    accept: false,
    decline: false,
    withdraw: expectMay(actor, 'withdraw', subject),
    adopt: false,
    addFiles: expectMay(actor, 'add-files', subject),
  };
}

// ---------------------------------------------------------------------------------------------
// Running it.

const CONCURRENCY = 6;

let api: RunningApi;
let clients: Map<string, TestClient>;
const clientOf = (actor: ActorSpec) => clients.get(actor.name)!;
const byEmail = (email: string) => clients.get(email)!;
const adminOf = (organization: Organization) => byEmail(`admin@${organization}.example`);

/** The shared submissions (read, download, comment), in SUBJECTS order. */
let shared: SubmissionBody[] = [];
/** Every submission the run created, with who sent it where: the universe of list-vs-get. */
const universe = new Map<string, SubmissionSpec>();
/** A document of each receiving organization, to link accepted submissions to. */
const receiverDocuments = new Map<Organization, string>();

/** A public document made from a submission in each direction, for the provenance reads. */
const madeDocuments: { subject: SubmissionSpec; submission: SubmissionBody; documentId: string }[] =
  [];

let executed = 0;

async function createSubject(subject: SubmissionSpec, title: string): Promise<SubmissionBody> {
  const created = await submit(byEmail(subject.submitter), { to: subject.to, title });
  universe.set(created.id, subject);
  return created;
}

/** A fresh submission in the state `action` starts from. */
async function prepare(subject: SubmissionSpec, action: WriteAction, title: string) {
  const created = await createSubject(subject, title);
  const reviewer = adminOf(subject.to);
  if (action === 'review' || action === 'withdraw' || action === 'add-files') return created;
  expect((await transition(reviewer, created.id, 'under-review')).status).toBe(200);
  if (action === 'accept' || action === 'decline') return created;
  expect((await transition(reviewer, created.id, 'accepted', 'matrix')).status).toBe(200);
  return created;
}

/**
 * Sends `action` as `actor` to every shared submission, one after the other, and lists where the
 * answer is not what the table says: its status, or what `bodyProblem` finds in an answer of the
 * expected status.
 */
async function sharedProblems<Answer extends { status: number }>(
  actor: ActorSpec,
  action: 'get' | 'download' | 'comment',
  send: (client: TestClient, created: SubmissionBody) => Promise<Answer>,
  bodyProblem: (answer: Answer, subject: SubmissionSpec) => string | undefined = () => undefined,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, subject] of SUBJECTS.entries()) {
    const answer = await send(clientOf(actor), shared[index]!);
    executed++;
    const expected = expectedStatus(actor, action, subject);
    const problem =
      answer.status === expected
        ? bodyProblem(answer, subject)
        : `expected ${expected}, got ${answer.status}`;
    if (problem) problems.push(`${describeSubject(subject)}: ${problem}`);
  }
  return problems;
}

let sequence = 0;

async function perform(
  client: TestClient,
  action: WriteAction,
  created: SubmissionBody,
  subject: SubmissionSpec,
) {
  const path = `/api/v1/submissions/${created.id}`;
  switch (action) {
    case 'review':
      return (await transition(client, created.id, 'under-review')).status;
    case 'accept':
      return (await transition(client, created.id, 'accepted', 'matrix')).status;
    case 'decline':
      return (await transition(client, created.id, 'declined', 'matrix')).status;
    case 'withdraw':
      return (await transition(client, created.id, 'withdrawn')).status;
    case 'adopt':
      return (
        await client.json('POST', `${path}/document`, {
          fileId: created.files[0]!.id,
          identifier: `SUB-MATRIX-${++sequence}`,
        })
      ).status;
    case 'link':
      return (
        await client.json('POST', `${path}/document-link`, {
          document: receiverDocuments.get(subject.to),
        })
      ).status;
    case 'add-files':
      return (
        await client.fetch(`${path}/files`, {
          method: 'POST',
          body: multipartBody([filePart('added.pdf')]),
          headers: { 'content-type': MULTIPART_TYPE },
        })
      ).status;
  }
}

/** What the submission looks like after `action` succeeded. */
const CHANGED: Record<WriteAction, (body: SubmissionBody) => boolean> = {
  review: (body) => body.state === 'under-review',
  accept: (body) => body.state === 'accepted',
  decline: (body) => body.state === 'declined',
  withdraw: (body) => body.state === 'withdrawn',
  adopt: (body) => body.document?.how === 'created',
  link: (body) => body.document?.how === 'linked',
  'add-files': (body) => body.files.length === 2,
};

async function listAll(client: TestClient, box?: 'outgoing' | 'incoming'): Promise<Set<string>> {
  const listed = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = `limit=100${box ? `&box=${box}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
    const page: {
      status: number;
      body: { items: { id: string }[]; nextCursor: string | null };
    } = await client.json('GET', `/api/v1/submissions?${query}`);
    if (page.status !== 200) throw new Error(`listing failed: ${JSON.stringify(page)}`);
    for (const item of page.body.items) listed.add(item.id);
    cursor = page.body.nextCursor;
  } while (cursor);
  return listed;
}

beforeAll(async () => {
  api = await startApi();
  // A second OFA editor, to tell the submitter apart from the submitter's colleagues.
  await addDemoPerson(api.pool, {
    email: SECOND_OFA_EDITOR,
    name: 'OFA Editor Two',
    organization: 'ofa',
    role: 'editor',
  });
  clients = await signInActors(api.url, ACTORS, (actor) => actor.name);
  for (const organization of PARTIES) {
    const document = await adminOf(organization).json<{ id: string }>('POST', '/api/v1/documents', {
      organization,
      identifier: `LINK-TARGET-${organization}`,
      title: 'A document to link accepted submissions to',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(document.status).toBe(201);
    receiverDocuments.set(organization, document.body.id);
  }
  shared = await mapLimit(SUBJECTS, CONCURRENCY, (subject) => createSubject(subject, 'shared'));
  for (const subject of SUBJECTS) {
    const submission = await prepare(subject, 'adopt', 'provenance');
    const receiver = adminOf(subject.to);
    const adopted = await receiver.json<SubmissionBody>(
      'POST',
      `/api/v1/submissions/${submission.id}/document`,
      { fileId: submission.files[0]!.id, identifier: `SUB-PROVENANCE-${subject.from}` },
    );
    expect(adopted.status).toBe(201);
    const documentId = adopted.body.document!.id;
    const published = await receiver.json('PATCH', `/api/v1/documents/${documentId}`, {
      visibility: 'public',
    });
    expect(published.status).toBe(200);
    madeDocuments.push({ subject, submission, documentId });
  }
});

afterAll(async () => {
  await api?.close();
});

describe('submission authorization matrix', () => {
  it('covers 12 actors', () => {
    expect(ACTORS).toHaveLength(ORGANIZATIONS.length * ROLES.length + 3);
  });

  describe('the IPR policy is public', () => {
    it.each(ACTORS)('$name', async (actor) => {
      for (const organization of ORGANIZATIONS) {
        const answer = await clientOf(actor).json(
          'GET',
          `/api/v1/organizations/${organization}/ipr-policy`,
        );
        executed++;
        expect(answer.status).toBe(200);
      }
    });
  });

  describe('create: editors and admins of a party, to the other party', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const organization = actor.membership?.organization;
      const to: Organization = organization === 'dmtf' ? 'ofa' : 'dmtf';
      const client = clientOf(actor);
      const answer = await postForm(client, [
        ...submissionFields(await iprSha256(client, to), { to, title: `created by ${actor.name}` }),
        filePart('matrix.pdf'),
      ]);
      executed++;
      expect(answer.status, JSON.stringify(answer.body)).toBe(expectedCreateStatus(actor));
      if (answer.status === 201) {
        universe.set(answer.body.id as string, {
          from: organization as Organization,
          to,
          submitter: actor.email!,
        });
      } else {
        expect(Object.keys(answer.body)).toEqual(['error']);
      }
    });
  });

  describe('get: 200 with the right permissions iff readable, else 404 (401 anonymous)', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems = await sharedProblems(
        actor,
        'get',
        (client, created) =>
          client.json<SubmissionBody>('GET', `/api/v1/submissions/${created.id}`),
        (answer, subject) => {
          if (answer.status !== 200) return undefined;
          const want = expectedPermissions(actor, subject);
          return JSON.stringify(answer.body.permissions) === JSON.stringify(want)
            ? undefined
            : `permissions ${JSON.stringify(answer.body.permissions)}, want ${JSON.stringify(want)}`;
        },
      );
      expect(problems).toEqual([]);
    });
  });

  describe('download: 200 iff readable, else 404 (401 anonymous)', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems = await sharedProblems(
        actor,
        'download',
        async (client, created) => {
          const response = await client.fetch(
            `/api/v1/submissions/${created.id}/files/${created.files[0]!.id}/content`,
          );
          return { status: response.status, body: await response.text() };
        },
        (answer) =>
          answer.status === 200 && answer.body !== '%PDF-1.7 submission'
            ? 'wrong bytes'
            : undefined,
      );
      expect(problems).toEqual([]);
    });
  });

  describe('comment: every reader (receiving admins ask, the submitter side answers)', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems = await sharedProblems(actor, 'comment', (client, created) =>
        commentOnSubmission(client, created.id, `from ${actor.name}`),
      );
      expect(problems).toEqual([]);
    });

    it('kept exactly the allowed comments', async () => {
      for (const [index, subject] of SUBJECTS.entries()) {
        const view = await adminOf(subject.to).json<SubmissionBody>(
          'GET',
          `/api/v1/submissions/${shared[index]!.id}`,
        );
        const expected = ACTORS.filter((actor) => expectMay(actor, 'comment', subject)).map(
          (actor) => `from ${actor.name}`,
        );
        expect(view.body.comments.map((comment) => comment.body).sort()).toEqual(expected.sort());
        for (const comment of view.body.comments) {
          const author = ACTORS.find((actor) => actor.email === comment.by)!;
          expect(comment.side).toBe(isReceivingSide(author, subject) ? 'receiving' : 'submitting');
        }
      }
    });
  });

  for (const action of WRITE_ACTIONS) {
    const side =
      action === 'withdraw' || action === 'add-files' ? 'the submitter side' : 'receiving admins';
    describe(`${action}: ${side}`, () => {
      it.each(ACTORS)('$name', async (actor) => {
        const problems = await mapLimit(SUBJECTS, CONCURRENCY, async (subject) => {
          const created = await prepare(subject, action, `${action} by ${actor.name}`);
          const before = await adminOf(subject.to).json<SubmissionBody>(
            'GET',
            `/api/v1/submissions/${created.id}`,
          );
          const status = await perform(clientOf(actor), action, created, subject);
          executed++;
          const expected = expectedStatus(actor, action, subject);
          const after = await adminOf(subject.to).json<SubmissionBody>(
            'GET',
            `/api/v1/submissions/${created.id}`,
          );
          const changed = JSON.stringify(after.body) !== JSON.stringify(before.body);
          const wantChanged = expected === SUCCESS[action];
          if (status !== expected) {
            return [`${describeSubject(subject)}: expected ${expected}, got ${status}`];
          }
          if (changed !== wantChanged || (wantChanged && !CHANGED[action](after.body))) {
            return [`${describeSubject(subject)}: changed ${changed}, want ${wantChanged}`];
          }
          return [];
        });
        expect(problems.flat()).toEqual([]);
      });
    });
  }

  describe('provenance of a public document made from a submission: the link iff readable', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const problems: string[] = [];
      for (const { subject, submission, documentId } of madeDocuments) {
        const answer = await clientOf(actor).json<{
          provenance: { from: { slug: string }; submission: unknown } | null;
        }>('GET', `/api/v1/documents/${documentId}`);
        executed++;
        const linked = actor.email !== null && expectCanRead(actor, subject);
        const text = JSON.stringify(answer.body);
        if (answer.status !== 200) {
          problems.push(`${describeSubject(subject)}: expected 200, got ${answer.status}`);
        } else if (answer.body.provenance?.from.slug !== subject.from) {
          problems.push(`${describeSubject(subject)}: provenance ${text}`);
        } else if (text.includes(submission.reference) !== linked) {
          problems.push(`${describeSubject(subject)}: reference shown ${!linked}, want ${linked}`);
        } else if (
          JSON.stringify(answer.body.provenance.submission) !==
          JSON.stringify(linked ? { id: submission.id, reference: submission.reference } : null)
        ) {
          problems.push(`${describeSubject(subject)}: link ${text}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('list: exactly the readable submissions, split by side into outgoing and incoming', () => {
    it.each(ACTORS.filter((actor) => actor.email !== null))('$name', async (actor) => {
      const client = clientOf(actor);
      const listed = await listAll(client);
      const outgoing = await listAll(client, 'outgoing');
      const incoming = await listAll(client, 'incoming');
      const problems: string[] = [];
      for (const [id, subject] of universe) {
        const expected = expectCanRead(actor, subject);
        const got = await client.json('GET', `/api/v1/submissions/${id}`);
        executed++;
        const readable = got.status === 200;
        if (readable !== expected)
          problems.push(`${id} get: expected ${expected}, got ${got.status}`);
        if (listed.has(id) !== readable)
          problems.push(`${id}: listed ${listed.has(id)}, readable ${readable}`);
        if (outgoing.has(id) !== (readable && isSubmitterSide(actor, subject)))
          problems.push(`${id}: outgoing ${outgoing.has(id)}`);
        if (incoming.has(id) !== (readable && isReceivingSide(actor, subject)))
          problems.push(`${id}: incoming ${incoming.has(id)}`);
      }
      for (const id of listed) if (!universe.has(id)) problems.push(`${id}: listed but unknown`);
      expect(problems).toEqual([]);
    });

    it('anonymous callers cannot list (401)', async () => {
      const answer = await new TestClient(api.url).json('GET', '/api/v1/submissions');
      expect(answer.status).toBe(401);
    });
  });

  it('ran every case', () => {
    // IPR policy 12 × 3, create 12, get/download/comment/provenance 12 × 2 each, writes
    // 7 × 12 × 2, and list-vs-get 11 actors × every submission made.
    const writes = WRITE_ACTIONS.length * ACTORS.length * SUBJECTS.length;
    const created =
      2 * SUBJECTS.length + writes + ACTORS.filter((a) => expectedCreateStatus(a) === 201).length;
    expect(universe.size).toBe(created);
    expect(executed).toBe(
      ACTORS.length * ORGANIZATIONS.length +
        ACTORS.length +
        4 * ACTORS.length * SUBJECTS.length +
        writes +
        (ACTORS.length - 1) * created,
    );
  });
});
