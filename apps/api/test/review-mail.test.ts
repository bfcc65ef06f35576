/**
 * The mail reviews send through the outbox (issue 13): the call for comments to the opted-in
 * members of the organizations that may read the document, the closing reminder once however many
 * runs race, the owner's editors' digest of new comments at most hourly per review, and the
 * disposition to the comment's author only while they may still read it.
 */
import { listOutbox } from '@liaison/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueCommentDigests,
  enqueueReviewClosingReminders,
} from '../src/services/notifications/review-mails.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import {
  commented,
  daysFromToday,
  dispose,
  openedReview,
  type ReviewBody,
  sharedDocument,
} from './review-fixtures.js';

const MINUTE_MS = 60_000;

const demo = useApiWithDemoPeople();
const { as } = demo;

beforeAll(async () => {
  // Opted in: an OFA member, the DMTF admin, the DMTF editor (who opens the reviews) and a SNIA
  // member (whose organization may not read the documents).
  for (const name of ['member@ofa', 'admin@dmtf', 'editor@dmtf', 'member@snia']) {
    const answer = await as(name).json('PUT', '/api/v1/me/notifications', { reviewCalls: true });
    expect(answer.status).toBe(200);
  }
});

async function mails(kind: string) {
  return (await listOutbox(demo.api.pool, { kind })).map((mail) => ({
    recipient: mail.recipient,
    subject: mail.subject,
    text: mail.text,
  }));
}

async function clearOutbox() {
  await demo.api.pool.query('delete from mail_outbox');
}

describe('a call for comments', () => {
  let review: ReviewBody;

  it('tells the opted-in members of the organizations that may read the document', async () => {
    await clearOutbox();
    review = await openedReview(as('editor@dmtf'), await sharedDocument(as('editor@dmtf')), {
      closesOn: daysFromToday(2),
    });
    const sent = await mails('review.opened');
    // Not the opener, not SNIA (no reader of the document), not those who did not opt in.
    expect(sent.map((mail) => mail.recipient).sort()).toEqual([
      'admin@dmtf.example',
      'member@ofa.example',
    ]);
    expect(sent[0]!.text).toContain(`until ${daysFromToday(2)}`);
  });

  it('reminds the same people once before it closes, however many runs race', async () => {
    // A review closing in a month is not reminded of yet.
    await openedReview(as('editor@dmtf'), await sharedDocument(as('editor@dmtf')));
    await clearOutbox();
    const now = new Date();
    const queued = await Promise.all([
      enqueueReviewClosingReminders(demo.api.pool, now),
      enqueueReviewClosingReminders(demo.api.pool, now),
    ]);
    expect(queued[0]! + queued[1]!).toBe(3);
    expect(await enqueueReviewClosingReminders(demo.api.pool, now)).toBe(0);
    const sent = await mails('review.closing');
    expect(sent.map((mail) => mail.recipient).sort()).toEqual([
      'admin@dmtf.example',
      'editor@dmtf.example',
      'member@ofa.example',
    ]);
    expect(sent.every((mail) => mail.subject.includes(review.closesOn))).toBe(true);
  });
});

describe('new comments', () => {
  it('reach the owner’s editors in one mail at most hourly per review', async () => {
    const review = await openedReview(as('editor@dmtf'), await sharedDocument(as('editor@dmtf')));
    // Comments of earlier tests are told of now, so that this review's count starts clean.
    await enqueueCommentDigests(demo.api.pool, new Date());
    await clearOutbox();
    await commented(as('member@ofa'), review, { body: 'First: zones need groups.' });
    await commented(as('editor@ofa'), review, { body: 'Second: typo in 3.1.' });
    const now = new Date();
    const first = await Promise.all([
      enqueueCommentDigests(demo.api.pool, now),
      enqueueCommentDigests(demo.api.pool, now),
    ]);
    expect(first[0]! + first[1]!).toBe(2);
    let sent = await mails('review.comments');
    // The DMTF's editors and admins, never the commenters' organizations.
    expect(sent.map((mail) => mail.recipient).sort()).toEqual([
      'admin@dmtf.example',
      'editor@dmtf.example',
    ]);
    expect(sent[0]!.subject).toContain('2 new comments');
    expect(sent[0]!.text).toContain('1. technical, Section 4.2 (OpenFabrics Alliance): First');
    expect(sent[0]!.text).toContain('2. technical');

    await commented(as('member@ofa'), review, { body: 'Third: one more.' });
    // Within the hour: nothing yet.
    expect(
      await enqueueCommentDigests(demo.api.pool, new Date(now.getTime() + 30 * MINUTE_MS)),
    ).toBe(0);
    // An hour later: one mail with the third comment only.
    expect(
      await enqueueCommentDigests(demo.api.pool, new Date(now.getTime() + 61 * MINUTE_MS)),
    ).toBe(2);
    sent = await mails('review.comments');
    const latest = sent.slice(-2);
    expect(latest[0]!.subject).toContain('1 new comment ');
    expect(latest[0]!.text).toContain('3. technical');
    expect(latest[0]!.text).not.toContain('First');
    expect(
      await enqueueCommentDigests(demo.api.pool, new Date(now.getTime() + 200 * MINUTE_MS)),
    ).toBe(0);
  });
});

describe('a disposition', () => {
  it('tells the author, and not once the author may no longer read the comment', async () => {
    const document = await sharedDocument(as('editor@dmtf'));
    const review = await openedReview(as('editor@dmtf'), document);
    const kept = await commented(as('member@ofa'), review, { body: 'Kept shared' });
    const hidden = await commented(as('admin@ofa'), review, { body: 'Narrowed away' });
    await clearOutbox();
    expect(
      (
        await dispose(as('editor@dmtf'), kept.id, {
          disposition: 'rejected',
          response: 'Out of scope.',
        })
      ).status,
    ).toBe(200);
    const sent = await mails('review.comment.disposed');
    expect(sent).toEqual([
      {
        recipient: 'member@ofa.example',
        subject: expect.stringContaining('rejected'),
        text: expect.stringContaining('Out of scope.'),
      },
    ]);
    await as('editor@dmtf').json('PATCH', `/api/v1/documents/${document.id}`, {
      visibility: 'organization',
    });
    expect(
      (
        await dispose(as('editor@dmtf'), hidden.id, {
          disposition: 'accepted',
          response: 'Secret.',
        })
      ).status,
    ).toBe(200);
    expect(await mails('review.comment.disposed')).toHaveLength(1);
  });
});
