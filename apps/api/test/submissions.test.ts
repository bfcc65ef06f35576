import { randomBytes, randomUUID } from 'node:crypto';
import { listJobs } from '@liaison/db';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { reapOrphanedObjects } from '../src/services/maintenance/reap-orphaned-objects.js';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument } from './factories.js';
import { auditActions, auditEvents, sha256 } from './helpers.js';
import { reapOrphansNow, storeOrphan } from './orphan-objects.js';
import { runReapCli } from './reap-cli.js';
import { useApi } from './signed-in-api.js';
import {
  commentOnSubmission,
  expectUnchanged,
  filePart,
  iprSha256,
  type SubmissionBody,
  submit,
  transition,
} from './submission-fixtures.js';

const demo = useApiWithDemoPeople();
const { as } = demo;
const anonymous = () => new TestClient(demo.api.url);

async function get(client: TestClient, id: string) {
  return client.json<SubmissionBody>('GET', `/api/v1/submissions/${id}`);
}

describe('the IPR policy', () => {
  it('is public, with the SHA-256 of its exact text', async () => {
    const answer = await anonymous().json<{ organization: string; text: string; sha256: string }>(
      'GET',
      '/api/v1/organizations/dmtf/ipr-policy',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.organization).toBe('dmtf');
    expect(answer.body.text).toContain('DMTF IPR Policy');
    expect(answer.body.sha256).toBe(sha256(answer.body.text));
  });

  it('of an unknown organization answers 404', async () => {
    const answer = await anonymous().json('GET', '/api/v1/organizations/nope/ipr-policy');
    expect(answer.status).toBe(404);
  });
});

describe('a submission from the OFA to the DMTF', () => {
  const model = Buffer.from(`%PDF-1.7 fabric model ${'x'.repeat(5000)}`);
  const notes = 'Notes on the fabric model';
  let submission: SubmissionBody;

  beforeAll(async () => {
    submission = await submit(as('editor@ofa'), {
      files: [filePart('fabric model.pdf', model), filePart('notes.txt', notes, 'text/plain')],
    });
  });

  it('is stored with its files, the acknowledgement (who, when, which text) and its first event', async () => {
    const policySha = await iprSha256(as('editor@ofa'), 'dmtf');
    expect(submission).toMatchObject({
      state: 'submitted',
      from: { slug: 'ofa' },
      to: { slug: 'dmtf' },
      submittedBy: 'editor@ofa.example',
      ipr: { by: 'editor@ofa.example', policySha256: policySha },
      history: [{ from: null, to: 'submitted', by: 'editor@ofa.example' }],
      comments: [],
      document: null,
    });
    expect(Date.now() - Date.parse(submission.ipr.at)).toBeLessThan(600_000);
    expect(submission.files.map((file) => [file.filename, file.size, file.sha256])).toEqual([
      ['fabric model.pdf', model.length, sha256(model)],
      ['notes.txt', notes.length, sha256(notes)],
    ]);
    const { rows } = await demo.api.pool.query(
      'select storage_key from submission_files where submission_id = $1 order by position',
      [submission.id],
    );
    expect(rows.map((row) => row.storage_key)).toEqual(
      submission.files.map((file) => `submissions/${submission.id}/${file.id}`),
    );
    for (const row of rows) expect(await demo.api.storage.stat(row.storage_key)).toBeDefined();
    expect(await auditActions(demo.api.pool, submission.id)).toEqual(['submission.create']);
  });

  it('carries a reference of sender, receiver, year and number, in its view and in the lists', async () => {
    const year = new Date().getUTCFullYear();
    expect(submission.reference).toMatch(new RegExp(`^OFA-DMTF-${year}-\\d{3}$`));
    const outgoing = await as('editor@ofa').json<{
      items: Array<{ id: string; reference: string }>;
    }>('GET', '/api/v1/submissions?box=outgoing');
    expect(outgoing.body.items.find((item) => item.id === submission.id)?.reference).toBe(
      submission.reference,
    );
    const next = await submit(as('editor@ofa'), { files: [filePart('n.txt', 'n', 'text/plain')] });
    const number = (reference: string) => Number(reference.slice(-3));
    expect(number(next.reference)).toBe(number(submission.reference) + 1);
  });

  it("shows the submitter only what the submitter's side may do", async () => {
    expect(submission.permissions).toEqual({
      comment: true,
      startReview: false,
      accept: false,
      decline: false,
      withdraw: true,
      adopt: false,
      addFiles: true,
    });
    const forReviewer = await get(as('admin@dmtf'), submission.id);
    expect(forReviewer.body.permissions).toEqual({
      comment: true,
      startReview: true,
      accept: false,
      decline: false,
      withdraw: false,
      adopt: false,
      addFiles: false,
    });
  });

  it('serves a file with Range, ETag, a safe name, nosniff and a sandbox, and audits each read', async () => {
    const file = submission.files[0]!;
    const path = `/api/v1/submissions/${submission.id}/files/${file.id}/content`;
    const whole = await as('admin@dmtf').fetch(path);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(model)).toBe(true);
    expect(whole.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(whole.headers.get('content-security-policy')).toBe('sandbox');
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(whole.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''fabric%20model.pdf",
    );

    const part = await as('editor@ofa').fetch(path, { headers: { range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF-1.7');
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${model.length}`);

    const cached = await as('admin@dmtf').fetch(path, {
      headers: { 'if-none-match': `"${file.sha256}"` },
    });
    expect(cached.status).toBe(304);

    const { rows } = await demo.api.pool.query(
      `select actor_email, details from audit_events
        where action = 'submission.file.download' and object_id = $1 order by id`,
      [submission.id],
    );
    expect(rows.map((row) => row.actor_email)).toEqual([
      'admin@dmtf.example',
      'editor@ofa.example',
      'admin@dmtf.example',
    ]);
    expect(rows[1].details).toMatchObject({ fileId: file.id, range: '0-7' });

    const shown = await as('admin@dmtf').fetch(`${path}?inline=1`);
    expect(Buffer.from(await shown.arrayBuffer()).equals(model)).toBe(true);
    // Each read is an event of the reader's side of the submission, a view when the browser
    // shows the PDF itself.
    const read = { fileId: file.id, filename: 'fabric model.pdf' };
    const byDmtf = { organization: 'dmtf', onBehalfOf: 'dmtf' };
    expect(
      await auditEvents(demo.api.pool, submission.id, 'submission.file.(download|view)'),
    ).toEqual([
      { action: 'submission.file.download', ...byDmtf, details: read },
      {
        action: 'submission.file.download',
        organization: 'ofa',
        onBehalfOf: 'ofa',
        details: { ...read, range: '0-7' },
      },
      { action: 'submission.file.download', ...byDmtf, details: { ...read, notModified: true } },
      { action: 'submission.file.view', ...byDmtf, details: read },
    ]);
  });

  it('ignores a malformed Range and sends the whole file, but answers 416 past the end', async () => {
    const file = submission.files[0]!;
    const path = `/api/v1/submissions/${submission.id}/files/${file.id}/content`;
    for (const range of ['bytes=zz-1', 'bytes=', 'items=0-1', 'bytes=5-2']) {
      const whole = await as('editor@ofa').fetch(path, { headers: { range } });
      expect(whole.status, range).toBe(200);
      expect(Buffer.from(await whole.arrayBuffer()).equals(model)).toBe(true);
    }
    const beyond = await as('editor@ofa').fetch(path, { headers: { range: 'bytes=999999-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${model.length}`);
  });

  it('goes under review, is discussed by both sides, and is accepted with a reason', async () => {
    const review = await transition(as('admin@dmtf'), submission.id, 'under-review');
    expect(review.status).toBe(200);
    expect(review.body.state).toBe('under-review');

    const question = await commentOnSubmission(
      as('admin@dmtf'),
      submission.id,
      'Does this cover multicast?',
    );
    expect(question.status).toBe(201);
    const answer = await commentOnSubmission(as('editor@ofa'), submission.id, 'Yes, section 4.');
    expect(answer.status).toBe(201);
    expect(answer.body.comments).toEqual([
      expect.objectContaining({
        body: 'Does this cover multicast?',
        by: 'admin@dmtf.example',
        side: 'receiving',
      }),
      expect.objectContaining({
        body: 'Yes, section 4.',
        by: 'editor@ofa.example',
        side: 'submitting',
      }),
    ]);

    const noReason = await transition(as('admin@dmtf'), submission.id, 'accepted');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.code).toBe('reason_required');

    const accepted = await transition(as('admin@dmtf'), submission.id, 'accepted', 'Fits Redfish');
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    expect(
      accepted.body.history.map((event) => [event.from, event.to, event.reason, event.by]),
    ).toEqual([
      [null, 'submitted', null, 'editor@ofa.example'],
      ['submitted', 'under-review', null, 'admin@dmtf.example'],
      ['under-review', 'accepted', 'Fits Redfish', 'admin@dmtf.example'],
    ]);
    expect(accepted.body.permissions).toMatchObject({ accept: false, decline: false, adopt: true });
  });

  it('answers 409 to every transition after the decision, and changes nothing', async () => {
    for (const [who, to] of [
      ['admin@dmtf', 'declined'],
      ['admin@dmtf', 'under-review'],
      ['editor@ofa', 'withdrawn'],
      ['admin@ofa', 'withdrawn'],
    ] as const) {
      const answer = await transition(as(who), submission.id, to, 'late');
      expect({ who, to, status: answer.status, code: answer.body.error?.code }).toEqual({
        who,
        to,
        status: 409,
        code: 'illegal_transition',
      });
    }
    expect((await get(as('admin@dmtf'), submission.id)).body.state).toBe('accepted');
  });

  it('does not become a document under an identifier the DMTF already has, and leaves no copy of the file', async () => {
    const { identifier } = await createDocument(as('editor@dmtf'), { organization: 'dmtf' });
    const refused = await expectUnchanged(demo.api, () =>
      as('admin@dmtf').json<{ error: { code: string } }>(
        'POST',
        `/api/v1/submissions/${submission.id}/document`,
        { fileId: submission.files[0]!.id, identifier },
      ),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('duplicate_identifier');
  });

  it('becomes a document of the DMTF, visible to DMTF members only, whose first version is a copy of the file', async () => {
    const file = submission.files[0]!;
    const created = await as('admin@dmtf').json<SubmissionBody>(
      'POST',
      `/api/v1/submissions/${submission.id}/document`,
      { fileId: file.id, identifier: 'DSP-OFA-1' },
    );
    expect(created.status).toBe(201);
    expect(created.body.document).toMatchObject({ identifier: 'DSP-OFA-1', how: 'created' });
    const documentId = created.body.document!.id;

    const document = await as('member@dmtf').json<{
      organization: string;
      visibility: string;
      title: string;
      versions: { id: string; sha256: string; filename: string }[];
    }>('GET', `/api/v1/documents/${documentId}`);
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      organization: 'dmtf',
      visibility: 'organization',
      title: 'Fabric model for Redfish',
    });
    expect(document.body.versions).toHaveLength(1);
    expect(document.body.versions[0]).toMatchObject({
      sha256: file.sha256,
      filename: file.filename,
      text: { status: 'pending', failure: null },
    });
    // Its text is read in the background, as for an upload.
    const versionId = document.body.versions[0]!.id;
    const jobs = await listJobs(demo.api.pool, { state: 'pending', limit: 10_000 });
    expect(jobs.filter((job) => job.key === `extract-version-text:${versionId}`)).toHaveLength(1);
    const content = await as('member@dmtf').fetch(
      `/api/v1/documents/${documentId}/versions/${document.body.versions[0]!.id}/content`,
    );
    expect(Buffer.from(await content.arrayBuffer()).equals(model)).toBe(true);
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${documentId}`)).status).toBe(
      404,
    );

    const again = await as('admin@dmtf').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/submissions/${submission.id}/document`,
      { fileId: file.id, identifier: 'DSP-OFA-2' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_linked');
    expect(await auditActions(demo.api.pool, submission.id)).toContain(
      'submission.document.create',
    );
  });
});

describe('the state machine', () => {
  it('lets the submitter withdraw before a decision; then nothing more happens', async () => {
    const submission = await submit(as('editor@ofa'));
    const withdrawn = await transition(
      as('editor@ofa'),
      submission.id,
      'withdrawn',
      'Sent too early',
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(withdrawn.body.permissions).toEqual({
      comment: false,
      startReview: false,
      accept: false,
      decline: false,
      withdraw: false,
      adopt: false,
      addFiles: false,
    });
    const review = await transition(as('admin@dmtf'), submission.id, 'under-review');
    expect(review.status).toBe(409);
    expect(review.body.error?.code).toBe('illegal_transition');
    const comment = await commentOnSubmission(as('admin@dmtf'), submission.id, 'Too late');
    expect(comment.status).toBe(409);
    expect(comment.body.error?.code).toBe('submission_closed');
  });

  it('lets admins of the submitting organization withdraw under review', async () => {
    const submission = await submit(as('editor@ofa'));
    expect((await transition(as('admin@dmtf'), submission.id, 'under-review')).status).toBe(200);
    const withdrawn = await transition(as('admin@ofa'), submission.id, 'withdrawn');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.history.at(-1)).toMatchObject({
      from: 'under-review',
      to: 'withdrawn',
      by: 'admin@ofa.example',
    });
  });

  it('answers 409 to a decision on a submission not yet under review', async () => {
    const submission = await submit(as('editor@ofa'));
    for (const to of ['accepted', 'declined']) {
      const answer = await transition(as('admin@dmtf'), submission.id, to, 'straight away');
      expect(answer.status).toBe(409);
      expect(answer.body.error?.code).toBe('illegal_transition');
    }
    expect((await get(as('editor@ofa'), submission.id)).body.history).toHaveLength(1);
  });

  it('lets only one of two concurrent decisions succeed', async () => {
    for (let round = 0; round < 4; round++) {
      const submission = await submit(as('editor@ofa'));
      expect((await transition(as('admin@dmtf'), submission.id, 'under-review')).status).toBe(200);
      const answers = await Promise.all([
        transition(as('admin@dmtf'), submission.id, 'accepted', 'yes'),
        transition(as('admin@dmtf'), submission.id, 'declined', 'no'),
        transition(as('editor@ofa'), submission.id, 'withdrawn'),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      const final = await get(as('admin@dmtf'), submission.id);
      expect(final.body.history).toHaveLength(3);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect(final.body.state).toBe(winner.body.state);
    }
  });

  it('declines with a reason; a declined submission cannot become a document', async () => {
    const submission = await submit(as('admin@ofa'));
    expect((await transition(as('admin@dmtf'), submission.id, 'under-review')).status).toBe(200);
    const declined = await transition(as('admin@dmtf'), submission.id, 'declined', 'Out of scope');
    expect(declined.status).toBe(200);
    expect(declined.body.history.at(-1)).toMatchObject({ to: 'declined', reason: 'Out of scope' });
    const adopt = await as('admin@dmtf').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/submissions/${submission.id}/document`,
      { fileId: submission.files[0]!.id, identifier: 'DSP-NO' },
    );
    expect(adopt.status).toBe(409);
    expect(adopt.body.error.code).toBe('not_accepted');
  });

  it('links an accepted submission to an existing document of the receiver only', async () => {
    const submission = await submit(as('editor@ofa'));
    await transition(as('admin@dmtf'), submission.id, 'under-review');
    await transition(as('admin@dmtf'), submission.id, 'accepted', 'Merged into the WIP');
    const ofaDocument = await as('editor@ofa').json<{ id: string }>('POST', '/api/v1/documents', {
      organization: 'ofa',
      identifier: 'OFA-LINK',
      title: 'An OFA document',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    const wrong = await as('admin@dmtf').json<{ error: { code: string } }>(
      'POST',
      `/api/v1/submissions/${submission.id}/document-link`,
      { document: ofaDocument.body.id },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('document_not_of_receiver');

    const dmtfDocument = await as('editor@dmtf').json<{ id: string }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-LINK',
      title: 'Redfish Fabric Extensions draft',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const linked = await as('admin@dmtf').json<SubmissionBody>(
      'POST',
      `/api/v1/submissions/${submission.id}/document-link`,
      { document: dmtfDocument.body.id },
    );
    expect(linked.status).toBe(200);
    expect(linked.body.document).toMatchObject({ id: dmtfDocument.body.id, how: 'linked' });
    expect(await auditActions(demo.api.pool, submission.id)).toContain('submission.document.link');
  });
});

describe('lists', () => {
  it('show outgoing submissions to their side and incoming ones to the receiving admins, with state filter and paging', async () => {
    const first = await submit(as('editor@ofa'), { title: 'List one' });
    const second = await submit(as('editor@ofa'), { title: 'List two' });
    await transition(as('admin@dmtf'), second.id, 'under-review');

    const ids = async (client: TestClient, query: string) => {
      const answer = await client.json<{ items: { id: string }[] }>(
        'GET',
        `/api/v1/submissions?${query}`,
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.items.map((item) => item.id);
    };

    expect(await ids(as('editor@ofa'), 'box=outgoing')).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect(await ids(as('editor@ofa'), 'box=incoming')).toEqual([]);
    expect(await ids(as('admin@dmtf'), 'box=incoming')).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect(await ids(as('admin@dmtf'), 'box=outgoing')).not.toContain(first.id);
    const underReview = await ids(as('admin@dmtf'), 'box=incoming&state=under-review');
    expect(underReview).toContain(second.id);
    expect(underReview).not.toContain(first.id);
    expect(await ids(as('editor@dmtf'), '')).toEqual([]);
    expect(await ids(as('member@ofa'), '')).toEqual([]);

    const page = await as('admin@dmtf').json<{ items: { id: string }[]; nextCursor: string }>(
      'GET',
      '/api/v1/submissions?box=incoming&limit=1',
    );
    expect(page.body.items.map((item) => item.id)).toEqual([second.id]);
    const next = await as('admin@dmtf').json<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/submissions?box=incoming&limit=1&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items.map((item) => item.id)).toEqual([first.id]);
  });
});

describe('the reaper', () => {
  // The reaper looks at a whole bucket: this API gets one of its own.
  const own = useApi({ S3_BUCKET: `submissions-reaper-${randomBytes(6).toString('hex')}` });

  it('keeps the objects of submission files and deletes unreferenced ones under submissions/', async () => {
    const editor = await TestClient.signIn(own.api.url, 'editor@ofa.example');
    const submission = await submit(editor);
    const orphan = `submissions/${randomUUID()}/${randomUUID()}`;
    await storeOrphan(own.api, orphan);
    const summary = await reapOrphansNow(own.api);
    expect(summary.deleted).toEqual([orphan]);
    expect(summary.missingObjects).toEqual([]);
    const key = `submissions/${submission.id}/${submission.files[0]!.id}`;
    expect(await own.api.storage.stat(key)).toBeDefined();
    const reviewer = await TestClient.signIn(own.api.url, 'admin@dmtf.example');
    const content = await reviewer.fetch(
      `/api/v1/submissions/${submission.id}/files/${submission.files[0]!.id}/content`,
    );
    expect(content.status).toBe(200);
    expect(await content.text()).toBe('%PDF-1.7 submission');
  });

  it('reports a submission file row whose object is missing, changes nothing, and makes `reap` exit 2', async () => {
    const editor = await TestClient.signIn(own.api.url, 'editor@ofa.example');
    const submission = await submit(editor);
    const file = submission.files[0]!;
    const key = `submissions/${submission.id}/${file.id}`;
    await own.api.storage.delete(key);
    const errors: { details: object; message: string }[] = [];
    const log = {
      debug() {},
      info() {},
      warn() {},
      error: (details: object, message: string) => errors.push({ details, message }),
    };

    const summary = await reapOrphanedObjects(
      { pool: own.api.pool, storage: own.api.storage, log },
      { olderThanMs: 0 },
    );

    const { rows } = await own.api.pool.query<{ files: number }>(
      'select count(*)::int as files from submission_files',
    );
    expect(summary.checkedSubmissionFiles).toBe(rows[0]!.files);
    expect(summary.missingObjects).toEqual([{ submissionFileId: file.id, storageKey: key }]);
    expect(errors).toEqual([
      {
        details: { submissionFileId: file.id, storageKey: key },
        message: 'a submission file row references an object that does not exist',
      },
    ]);
    const reviewer = await TestClient.signIn(own.api.url, 'admin@dmtf.example');
    const after = await reviewer.json<SubmissionBody>(
      'GET',
      `/api/v1/submissions/${submission.id}`,
    );
    expect(after.body.files.map((kept) => kept.id)).toEqual([file.id]);

    const reaped = await runReapCli({
      ...inject('stack'),
      DATABASE_URL: own.api.config.databaseUrl,
      S3_BUCKET: own.api.config.s3.bucket,
    });
    expect(reaped.code, reaped.stderr).toBe(2);
    expect(reaped.stdout).toContain(`MISSING  ${key}  (submission file ${file.id})`);
  });
});

describe('a submitter who leaves the submitting organization', () => {
  it('reads the submission, its files and its comments only while still a member', async () => {
    const submitter = as('editor@ofa');
    const submission = await submit(submitter, { title: 'Submitted before leaving' });
    const file = `/api/v1/submissions/${submission.id}/files/${submission.files[0]!.id}/content`;
    const comments = `/api/v1/submissions/${submission.id}/comments`;
    const listed = async () => {
      const list = await submitter.json<{ items: { id: string }[] }>(
        'GET',
        '/api/v1/submissions?limit=100',
      );
      return list.body.items.some((item) => item.id === submission.id);
    };
    const reads = async () => [
      (await get(submitter, submission.id)).status,
      (await submitter.fetch(file)).status,
      (await submitter.json('POST', comments, { body: 'Still here?' })).status,
    ];
    expect(await reads()).toEqual([200, 200, 201]);
    expect(await listed()).toBe(true);

    const me = await submitter.json<{ id: string }>('GET', '/api/v1/me');
    const removed = await as('admin@ofa').fetch(`/api/v1/organizations/ofa/members/${me.body.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect(await reads()).toEqual([404, 404, 404]);
    expect(await listed()).toBe(false);
    // The submitting organization's admin still reads it.
    expect((await get(as('admin@ofa'), submission.id)).status).toBe(200);

    // Coming back takes the person's consent (an invitation) or the operator; the operator here.
    const operator = await TestClient.signIn(demo.api.url, 'operator@liaison.example');
    const readded = await operator.json('POST', '/api/v1/organizations/ofa/members', {
      email: 'editor@ofa.example',
      role: 'editor',
    });
    expect(readded.status).toBe(201);
    expect(await reads()).toEqual([200, 200, 201]);
    expect(await listed()).toBe(true);
  });
});
