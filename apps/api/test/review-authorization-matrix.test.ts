/**
 * The review authorization matrix (docs/architecture.md, "Reviews"; issue 13), run against the
 * live API over HTTP.
 *
 * Every actor (the nine demo members of the DMTF (owner), the OFA (partner, sharing the document
 * through the OFA/DMTF register) and SNIA (third party), the operator, an anonymous caller, and
 * the comment's author, a second OFA member) tries every review and comment route on a DMTF work in
 * progress shared with the OFA. The expected outcome comes from the permission table in code
 * (packages/core/test/fixtures/permission-table.ts, REVIEW_TABLE and COMMENT_TABLE), NOT from
 * packages/core's policy, so the policy is checked against the design rather than against itself.
 *
 * Statuses: a caller who may not read the review or comment gets 404, exactly as for a missing
 * one (an unpublished log counts as unreadable); a reader who may not act gets 403; anonymous
 * callers get 401 on every route that needs a person; an allowed action answers 200 or 201 and
 * changes the row, a refused one leaves it as it was. Actions that change something run on a
 * fresh object per actor. At the end, for every actor, the reviews and comments they can list are
 * exactly those they can read one by one, before and after the log is published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMENT_TABLE,
  type CommentActorKind,
  type CommentTableAction,
  REVIEW_TABLE,
  type ReviewTableAction,
} from '../../../packages/core/test/fixtures/permission-table.js';
import type { TestClient } from './client.js';
import { addDemoPerson, signInActors } from './demo-actors.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  type CommentBody,
  commented,
  commentFields,
  daysFromToday,
  dispose,
  openedReview,
  openReview,
  postComment,
  type ReviewBody,
  sharedDocument,
} from './review-fixtures.js';
import { filePart } from './submission-fixtures.js';

const AUTHOR = 'author@ofa.example';

interface ActorSpec {
  email: string | null;
  kind: CommentActorKind;
}

const KIND_OF_ORGANIZATION = { dmtf: 'owner', ofa: 'partner', snia: 'third-party' } as const;

const ACTORS: ActorSpec[] = [
  ...(['dmtf', 'ofa', 'snia'] as const).flatMap((organization) =>
    (['admin', 'editor', 'member'] as const).map((role) => ({
      email: `${role}@${organization}.example`,
      kind: `${KIND_OF_ORGANIZATION[organization]} ${role}` as CommentActorKind,
    })),
  ),
  { email: 'operator@liaison.example', kind: 'operator, no membership' },
  { email: null, kind: 'anonymous' },
  { email: AUTHOR, kind: 'author' },
];
const name = (actor: ActorSpec) => actor.email ?? 'anonymous';

/** The review table has no author: the author is a partner member there. */
function reviewAllows(actor: ActorSpec, action: ReviewTableAction): boolean {
  const kind = actor.kind === 'author' ? 'partner member' : actor.kind;
  return REVIEW_TABLE[kind].includes(action);
}

function commentAllows(actor: ActorSpec, action: CommentTableAction): boolean {
  return COMMENT_TABLE[actor.kind].includes(action);
}

/**
 * What the route answers: 2xx when allowed; otherwise 401 for anonymous callers on routes that
 * need a person, 403 for readers, 404 for everyone else.
 */
function expectedStatus(
  actor: ActorSpec,
  allowed: boolean,
  reads: boolean,
  options: { success?: number; needsPerson?: boolean } = {},
): number {
  if (allowed) return options.success ?? 200;
  if (actor.email === null && options.needsPerson !== false) return 401;
  return reads ? 403 : 404;
}

let api: RunningApi;
let clients: Map<string, TestClient>;
const client = (actor: ActorSpec) => clients.get(name(actor))!;
let editor: TestClient;
let document: { id: string; versionId: string };
let review: ReviewBody;
let authored: CommentBody;

beforeAll(async () => {
  api = await startApi();
  await addDemoPerson(api.pool, {
    email: AUTHOR,
    name: 'OFA Author',
    organization: 'ofa',
    role: 'member',
  });
  clients = await signInActors(api.url, ACTORS, name);
  editor = clients.get('editor@dmtf.example')!;
  document = await sharedDocument(editor);
  review = await openedReview(editor, document);
  authored = await commented(clients.get(AUTHOR)!, review, {}, [filePart('markup.pdf')]);
  // A comment of the owner's member, to see who reads across organizations.
  await commented(clients.get('member@dmtf.example')!, review, { body: 'From the DMTF' });
});

afterAll(async () => {
  await api?.close();
});

const status = async (request: Promise<Response>) => (await request).status;

describe.each(ACTORS.map((actor) => [name(actor), actor] as const))('%s', (_name, actor) => {
  const reads = () => reviewAllows(actor, 'read');

  it('reads the review and its lists as the table says', async () => {
    const expected = reads() ? 200 : 404;
    const c = client(actor);
    expect(await status(c.fetch(`/api/v1/reviews/${review.id}`))).toBe(expected);
    expect(await status(c.fetch(`/api/v1/documents/${document.id}/reviews`))).toBe(expected);
    expect(await status(c.fetch(`/api/v1/reviews/${review.id}/comments`))).toBe(expected);
    expect(await status(c.fetch('/api/v1/reviews?open=true'))).toBe(actor.email ? 200 : 401);
    const log = reviewAllows(actor, 'read-log') ? 200 : 404;
    expect(await status(c.fetch(`/api/v1/reviews/${review.id}/log`))).toBe(log);
    expect(await status(c.fetch(`/api/v1/reviews/${review.id}/log?format=csv`))).toBe(log);
  });

  it('opens a review as the table says', async () => {
    const fresh = await sharedDocument(editor);
    const answer = await openReview(client(actor), fresh.id, {
      versionId: fresh.versionId,
      title: 'Call',
      closesOn: daysFromToday(10),
    });
    const allowed = reviewAllows(actor, 'open');
    expect(answer.status).toBe(expectedStatus(actor, allowed, reads(), { success: 201 }));
    const { rows } = await api.pool.query('select 1 from reviews where document_id = $1', [
      fresh.id,
    ]);
    expect(rows.length).toBe(allowed ? 1 : 0);
  });

  it('comments as the table says', async () => {
    const answer = await postComment(client(actor), review.id, [
      ...commentFields(document.versionId, { body: `Comment by ${name(actor)}` }),
    ]);
    const allowed = reviewAllows(actor, 'comment');
    expect(answer.status).toBe(expectedStatus(actor, allowed, reads(), { success: 201 }));
  });

  it('manages the review (retitle, extend, close) as the table says', async () => {
    const fresh = await openedReview(editor, await sharedDocument(editor));
    const allowed = reviewAllows(actor, 'manage');
    const expected = expectedStatus(actor, allowed, reads());
    const patch = await client(actor).json('PATCH', `/api/v1/reviews/${fresh.id}`, {
      title: 'Retitled',
      closesOn: daysFromToday(40),
    });
    expect(patch.status).toBe(expected);
    expect(
      await status(client(actor).fetch(`/api/v1/reviews/${fresh.id}/close`, { method: 'POST' })),
    ).toBe(expected);
    const after = await editor.json<ReviewBody>('GET', `/api/v1/reviews/${fresh.id}`);
    expect(after.body).toMatchObject(
      allowed
        ? { title: 'Retitled', closesOn: daysFromToday(40), state: 'closed' }
        : { title: 'Call for comments', closesOn: daysFromToday(30), state: 'open' },
    );
  });

  it('publishes the log as the table says', async () => {
    const fresh = await openedReview(editor, await sharedDocument(editor));
    const allowed = reviewAllows(actor, 'publish-log');
    const answer = await client(actor).json('POST', `/api/v1/reviews/${fresh.id}/log/publish`);
    expect(answer.status).toBe(expectedStatus(actor, allowed, reads()));
    const after = await editor.json<ReviewBody>('GET', `/api/v1/reviews/${fresh.id}`);
    expect(after.body.logPublishedAt !== null).toBe(allowed);
  });

  it('reads the comment and its attachment as the table says', async () => {
    const readsComment = commentAllows(actor, 'read');
    expect(await status(client(actor).fetch(`/api/v1/comments/${authored.id}`))).toBe(
      readsComment ? 200 : 404,
    );
    expect(
      await status(client(actor).fetch(`/api/v1/comments/${authored.id}/attachment/content`)),
    ).toBe(expectedStatus(actor, readsComment, false));
  });

  it('edits, withdraws and disposes of a comment as the table says', async () => {
    const readsComment = commentAllows(actor, 'read');
    const mine = await commented(clients.get(AUTHOR)!, review, { body: `For ${name(actor)}` });
    const edit = await client(actor).json('PATCH', `/api/v1/comments/${mine.id}`, {
      body: 'Edited',
    });
    expect(edit.status).toBe(expectedStatus(actor, commentAllows(actor, 'edit'), readsComment));
    const disposed = await dispose(client(actor), mine.id, {
      disposition: 'rejected',
      response: 'No',
    });
    expect(disposed.status).toBe(
      expectedStatus(actor, commentAllows(actor, 'dispose'), readsComment),
    );
    const second = await commented(clients.get(AUTHOR)!, review, {
      body: `Withdraw ${name(actor)}`,
    });
    const withdraw = await client(actor).json('POST', `/api/v1/comments/${second.id}/withdraw`);
    expect(withdraw.status).toBe(
      expectedStatus(actor, commentAllows(actor, 'withdraw'), readsComment),
    );
    const rows = await api.pool.query<{
      id: string;
      body: string;
      withdrawn: boolean;
      disposed: boolean;
    }>(
      `select c.id, c.body, c.withdrawn_at is not null as withdrawn, d.comment_id is not null as disposed
         from review_comments c left join review_dispositions d on d.comment_id = c.id
        where c.id = any($1::uuid[])`,
      [[mine.id, second.id]],
    );
    const byId = new Map(rows.rows.map((row) => [row.id, row]));
    expect(byId.get(mine.id)).toMatchObject({
      body: commentAllows(actor, 'edit') ? 'Edited' : `For ${name(actor)}`,
      disposed: commentAllows(actor, 'dispose'),
    });
    expect(byId.get(second.id)?.withdrawn).toBe(commentAllows(actor, 'withdraw'));
  });
});

/** For every actor: the listed ids are exactly those that answer 200 one by one. */
async function expectListEqualsGet() {
  const { rows: reviews } = await api.pool.query<{ id: string }>('select id from reviews');
  const { rows: comments } = await api.pool.query<{ id: string }>(
    'select id from review_comments where review_id = $1',
    [review.id],
  );
  for (const actor of ACTORS) {
    const c = client(actor);
    const readable = async (ids: { id: string }[], path: (id: string) => string) => {
      const found: string[] = [];
      for (const { id } of ids) if ((await c.fetch(path(id))).status === 200) found.push(id);
      return found.sort();
    };
    const listedComments = await c.json<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/reviews/${review.id}/comments?limit=100`,
    );
    expect(
      (listedComments.body.items ?? []).map((item) => item.id).sort(),
      `${name(actor)}: comments`,
    ).toEqual(await readable(comments, (id) => `/api/v1/comments/${id}`));
    if (actor.email === null) continue;
    const listedReviews: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await c.json(
        'GET',
        `/api/v1/reviews?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items, JSON.stringify(page.body)).toBeDefined();
      listedReviews.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listedReviews.sort(), `${name(actor)}: reviews`).toEqual(
      await readable(reviews, (id) => `/api/v1/reviews/${id}`),
    );
  }
}

describe('list = get for every actor', () => {
  it('while the log is unpublished', async () => {
    await expectListEqualsGet();
  });

  it('once the log is published', async () => {
    expect((await editor.json('POST', `/api/v1/reviews/${review.id}/log/publish`)).status).toBe(
      200,
    );
    await expectListEqualsGet();
    // Published: every reader of the document reads the DMTF member's comment too.
    const listed = await clients
      .get('member@ofa.example')!
      .json<{ items: CommentBody[] }>('GET', `/api/v1/reviews/${review.id}/comments?limit=100`);
    expect(listed.body.items.some((item) => item.organization?.slug === 'dmtf')).toBe(true);
    expect(
      listed.body.items.every((item) => item.author === null || item.organization?.slug === 'ofa'),
    ).toBe(true);
  });
});
