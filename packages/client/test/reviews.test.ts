// The client's review methods against the real API (embedded PostgreSQL and S3), on the demo
// work in progress dmtf/DSP-WIP-FABRIC shared with the OFA.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../../../apps/api/src/services/demo/seed-demo-documents.js';
import { type RunningApi, startApi } from '../../../apps/api/test/helpers.js';
import { LiaisonApiError, type LiaisonClient, type Review } from '../src/index.js';
import { drain, signedIn } from './helpers.js';

let api: RunningApi;
let scratch: string;
let owner: LiaisonClient;
let commenter: LiaisonClient;

const utcDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function refusal(promise: Promise<unknown>): Promise<LiaisonApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LiaisonApiError);
  return error as LiaisonApiError;
}

beforeAll(async () => {
  api = await startApi();
  await seedDemoDocuments(api);
  owner = await signedIn(api.url, 'editor@dmtf.example');
  commenter = await signedIn(api.url, 'member@ofa.example');
  scratch = await mkdtemp(join(tmpdir(), 'liaison-client-reviews-'));
});

afterAll(async () => {
  await api?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the review methods', () => {
  it('open, comment with a streamed attachment, answer, export, close and publish', async () => {
    const document = await owner.getDocumentByRef('dmtf/DSP-WIP-FABRIC');
    const version = document.versions[0]!;
    const review: Review = await owner.openReview(document.id, {
      versionId: version.id,
      title: 'Call for comments on 0.9a',
      closesOn: utcDay(14),
    });
    expect(review).toMatchObject({ state: 'open', version: { label: version.label } });
    expect((await owner.listDocumentReviews(document.id)).items.map((r) => r.id)).toEqual([
      review.id,
    ]);
    expect((await commenter.listReviews({ open: true })).items.map((r) => r.id)).toContain(
      review.id,
    );

    const file = join(scratch, 'markup.pdf');
    const bytes = randomBytes(300 * 1024 + 1);
    await writeFile(file, bytes);
    const progress: number[] = [];
    const posted = await commenter.postComment(review.id, {
      versionId: version.id,
      kind: 'technical',
      location: 'Section 5',
      body: 'Zones need endpoint groups.',
      proposedChange: 'Add EndpointGroups.',
      attachment: { path: file, onProgress: (sent) => progress.push(sent) },
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(posted.sentSha256).toBe(sha256);
    expect(posted.comment.attachment).toMatchObject({ sha256, size: bytes.length });
    expect(progress.at(-1)).toBe(bytes.length);
    const download = await commenter.downloadCommentAttachment(posted.comment.id);
    expect((await drain(download.body)).equals(bytes)).toBe(true);

    const plain = await commenter.postComment(review.id, {
      versionId: version.id,
      kind: 'editorial',
      body: 'A typo in Table 3.',
    });
    expect(plain.sentSha256).toBeNull();
    expect((await commenter.updateComment(plain.comment.id, { body: 'Two typos.' })).body).toBe(
      'Two typos.',
    );
    expect((await commenter.withdrawComment(plain.comment.id)).withdrawn).toBe(true);

    const answered = await owner.setDisposition(posted.comment.id, {
      disposition: 'accepted',
      response: 'Done in 0.9b.',
    });
    expect(answered.disposition).toMatchObject({ value: 'accepted', response: 'Done in 0.9b.' });
    expect((await commenter.getComment(posted.comment.id)).disposition?.value).toBe('accepted');
    expect((await refusal(commenter.updateComment(posted.comment.id, { body: 'x' }))).code).toBe(
      'comment_resolved',
    );
    expect(
      (await commenter.listComments(review.id, { disposition: 'accepted' })).items.map((c) => c.id),
    ).toEqual([posted.comment.id]);

    const log = await owner.getResolutionLog(review.id);
    expect(log.counts).toMatchObject({ total: 1, resolved: 1, byDisposition: { accepted: 1 } });
    expect(await owner.downloadResolutionLogCsv(review.id)).toContain('Done in 0.9b.');
    expect((await refusal(commenter.getResolutionLog(review.id))).status).toBe(404);
    expect((await refusal(commenter.downloadResolutionLogCsv(review.id))).status).toBe(404);

    expect((await owner.updateReview(review.id, { closesOn: utcDay(21) })).closesOn).toBe(
      utcDay(21),
    );
    expect((await owner.closeReview(review.id)).state).toBe('closed');
    const late = await refusal(
      commenter.postComment(review.id, { versionId: version.id, kind: 'general', body: 'Late' }),
    );
    expect([late.status, late.code]).toEqual([409, 'review_closed']);

    expect((await owner.publishResolutionLog(review.id)).logPublishedAt).not.toBeNull();
    const published = await commenter.getResolutionLog(review.id);
    // The withdrawn comment stays listed, marked.
    expect(published.comments.map((c) => [c.organization?.slug, c.withdrawn])).toEqual([
      ['ofa', false],
      ['ofa', true],
    ]);
  });
});
