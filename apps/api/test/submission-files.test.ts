/**
 * Files on a submission beyond the first upload (issue 17): a Liaison document version attached
 * (copied inside the store), and files added while the submission is still open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { signInDemoPeople } from './demo-actors.js';
import { createDocument, createDocumentWithVersion, uploadVersion } from './factories.js';
import { type RunningApi, sha256, startApi } from './helpers.js';
import { answerOf, type FormPart, MULTIPART_TYPE, multipartBody } from './raw-requests.js';
import {
  expectError,
  expectUnchanged,
  field,
  filePart,
  iprSha256,
  postForm,
  postHeldAfterFirstFile,
  type SubmissionBody,
  snapshot,
  submissionFields,
  submit,
  transition,
} from './submission-fixtures.js';

type FileBody = SubmissionBody['files'][number] & {
  copiedFrom: { documentId: string; versionId: string } | null;
};

let api: RunningApi;
let as: (name: string) => TestClient;

beforeAll(async () => {
  api = await startApi();
  as = await signInDemoPeople(api.url, ['ofa', 'dmtf']);
});

afterAll(async () => {
  await api?.close();
});

/** A document of OFA without watermarks and one version, which OFA editors may read. */
async function ofaVersion(content: string) {
  const document = await createDocument(as('editor@ofa'), {
    organization: 'ofa',
    watermark: false,
  });
  const versionId = await uploadVersion(as('editor@ofa'), document.id, '1.0', content);
  return { documentId: document.id, versionId, attach: `${document.id}@${versionId}` };
}

async function submitWith(client: TestClient, parts: FormPart[]) {
  return postForm(client, [...submissionFields(await iprSha256(client, 'dmtf')), ...parts]);
}

async function addFiles(client: TestClient, id: string, parts: FormPart[]) {
  return answerOf(
    await client.fetch(`/api/v1/submissions/${id}/files`, {
      method: 'POST',
      body: multipartBody(parts),
      headers: { 'content-type': MULTIPART_TYPE },
    }),
  );
}

async function download(client: TestClient, submissionId: string, fileId: string) {
  const response = await client.fetch(
    `/api/v1/submissions/${submissionId}/files/${fileId}/content`,
  );
  expect(response.status).toBe(200);
  return response.text();
}

describe('attaching a Liaison document version to a new submission', () => {
  it('copies the version into the submission, recording where it came from', async () => {
    const content = '%PDF-1.7 the OFA fabric model, version 1.0';
    const source = await ofaVersion(content);
    const answer = await submitWith(as('editor@ofa'), [field('attach', source.attach)]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const created = answer.body as unknown as SubmissionBody & { files: FileBody[] };
    expect(created.files).toHaveLength(1);
    const [file] = created.files;
    expect(file).toMatchObject({
      filename: 'spec.pdf',
      sha256: sha256(content),
      size: Buffer.byteLength(content),
      copiedFrom: { documentId: source.documentId, versionId: source.versionId },
    });
    // The receiving side reads the copy, which cannot read the OFA document itself.
    expect(await download(as('admin@dmtf'), created.id, file!.id)).toBe(content);
    expect(
      (await as('admin@dmtf').json('GET', `/api/v1/documents/${source.documentId}`)).status,
    ).toBe(404);
    const { rows } = await api.pool.query<{ key: string }>(
      'select storage_key as key from submission_files where id = $1',
      [file!.id],
    );
    expect(rows[0]!.key).toBe(`submissions/${created.id}/${file!.id}`);
  });

  it('takes uploaded files and attached versions together', async () => {
    const source = await ofaVersion('%PDF-1.7 attached next to an upload');
    const answer = await submitWith(as('editor@ofa'), [
      field('attach', source.attach),
      filePart('upload.pdf'),
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const files = (answer.body as unknown as { files: FileBody[] }).files;
    expect(files.map((file) => [file.filename, file.copiedFrom !== null])).toEqual([
      ['upload.pdf', false],
      ['spec.pdf', true],
    ]);
  });

  it('refuses a version the submitter cannot read with 404, storing nothing', async () => {
    const hidden = await createDocumentWithVersion(as('editor@dmtf'), {
      organization: 'dmtf',
      watermark: false,
    });
    const answer = await expectUnchanged(api, async () =>
      submitWith(as('editor@ofa'), [
        field('attach', `${hidden.id}@${hidden.versionId}`),
        filePart('upload.pdf'),
      ]),
    );
    expectError(answer, 404, 'not_found');
  });

  it('refuses a withdrawn version with 400', async () => {
    const source = await ofaVersion('%PDF-1.7 soon withdrawn');
    const withdrawn = await as('admin@ofa').json(
      'POST',
      `/api/v1/documents/${source.documentId}/versions/${source.versionId}/withdraw`,
      { reason: 'Superseded' },
    );
    expect(withdrawn.status).toBe(200);
    const answer = await expectUnchanged(api, async () =>
      submitWith(as('admin@ofa'), [field('attach', source.attach)]),
    );
    expectError(answer, 400, 'version_withdrawn');
    // To an editor, who does not see withdrawn versions, it does not exist.
    expectError(
      await submitWith(as('editor@ofa'), [field('attach', source.attach)]),
      404,
      'not_found',
    );
  });

  it('refuses a version of a watermarked document with 400: upload the file instead', async () => {
    const marked = await createDocument(as('editor@ofa'), { organization: 'ofa', watermark: true });
    // Any file of such a document: its PDFs would reach the receiver unstamped.
    const uploaded = await as('editor@ofa').upload(
      marked.id,
      '1.0',
      'notes',
      'notes.txt',
      'text/plain',
    );
    expect(uploaded.status).toBe(201);
    const answer = await expectUnchanged(api, async () =>
      submitWith(as('editor@ofa'), [field('attach', `${marked.id}@${uploaded.body.id}`)]),
    );
    expectError(answer, 400, 'document_watermarked');
    expect((answer.body as { error: { message: string } }).error.message).toMatch(
      /watermarked; upload the file instead/,
    );
  });

  it('refuses a malformed attach field with 400', async () => {
    const answer = await expectUnchanged(api, async () =>
      submitWith(as('editor@ofa'), [field('attach', 'DSP0001@1.0')]),
    );
    expectError(answer, 400, 'invalid_input');
  });
});

describe('adding files to an open submission', () => {
  it('lets the submitter add an upload and a document version, and tells the receiving admins', async () => {
    const created = await submit(as('editor@ofa'), { title: 'Growing submission' });
    const source = await ofaVersion('%PDF-1.7 added later');
    const answer = await addFiles(as('editor@ofa'), created.id, [
      field('attach', source.attach),
      filePart('erratum.pdf', '%PDF-1.7 erratum'),
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const files = (answer.body as unknown as { files: FileBody[] }).files;
    expect(files.map((file) => file.filename)).toEqual(['model.pdf', 'erratum.pdf', 'spec.pdf']);
    expect(files[2]!.copiedFrom).toEqual({
      documentId: source.documentId,
      versionId: source.versionId,
    });
    expect(await download(as('admin@dmtf'), created.id, files[1]!.id)).toBe('%PDF-1.7 erratum');

    const mails = await api.pool.query<{ recipient: string; subject: string }>(
      `select recipient, subject from mail_outbox where kind = 'submission.files-added' and link_path = $1`,
      [`/submissions/${created.id}`],
    );
    expect(mails.rows.map((row) => row.recipient)).toEqual(['admin@dmtf.example']);
    expect(mails.rows[0]!.subject).toContain(created.reference);
    const audit = await api.pool.query<{ details: { files: { id: string }[] } }>(
      `select details from audit_events where action = 'submission.files.add' and object_id = $1`,
      [created.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details.files.map((file) => file.id)).toEqual([
      files[1]!.id,
      files[2]!.id,
    ]);
  });

  it('lets a submitting admin add files while the submission is under review', async () => {
    const created = await submit(as('editor@ofa'));
    expect((await transition(as('admin@dmtf'), created.id, 'under-review')).status).toBe(200);
    const answer = await addFiles(as('admin@ofa'), created.id, [filePart('annex.pdf')]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect((answer.body as unknown as SubmissionBody).permissions.addFiles).toBe(true);
  });

  it('refuses those who may not add files: 404 if they cannot read it, 403 if they can', async () => {
    const created = await submit(as('editor@ofa'));
    await expectUnchanged(api, async () => {
      expectError(
        await addFiles(as('member@ofa'), created.id, [filePart('x.pdf')]),
        404,
        'not_found',
      );
      expectError(
        await addFiles(as('admin@dmtf'), created.id, [filePart('x.pdf')]),
        403,
        'forbidden',
      );
      const anonymous = await addFiles(new TestClient(api.url), created.id, [filePart('x.pdf')]);
      expect(anonymous.status).toBe(401);
    });
  });

  it.each([
    ['accepted', ['under-review', 'accepted']],
    ['declined', ['under-review', 'declined']],
    ['withdrawn', ['withdrawn']],
  ])('refuses files once %s with 409, leaving no object and no row', async (_state, steps) => {
    const created = await submit(as('editor@ofa'));
    for (const to of steps) {
      const side = to === 'withdrawn' ? as('editor@ofa') : as('admin@dmtf');
      expect((await transition(side, created.id, to, 'Decided')).status).toBe(200);
    }
    const source = await ofaVersion('%PDF-1.7 too late');
    const answer = await expectUnchanged(api, async () =>
      addFiles(as('editor@ofa'), created.id, [
        field('attach', source.attach),
        filePart('late.pdf', '%PDF-1.7 too late, uploaded'),
      ]),
    );
    expectError(answer, 409, 'submission_closed');
    const view = await as('editor@ofa').json<SubmissionBody>(
      'GET',
      `/api/v1/submissions/${created.id}`,
    );
    expect(view.body.files).toHaveLength(1);
    expect(view.body.permissions.addFiles).toBe(false);
  });

  it('refuses files whose submission was decided while they streamed (409, nothing stored)', async () => {
    const created = await submit(as('editor@ofa'));
    expect((await transition(as('admin@dmtf'), created.id, 'under-review')).status).toBe(200);
    const before = await snapshot(api);
    const { finish } = await postHeldAfterFirstFile(
      api,
      as('editor@ofa'),
      `/api/v1/submissions/${created.id}/files`,
    );
    expect((await transition(as('admin@dmtf'), created.id, 'accepted', 'Done')).status).toBe(200);
    const decided = await snapshot(api);
    expectError(await finish(), 409, 'submission_closed');
    // Only the decision changed anything: no object of the refused files, no row.
    const after = await snapshot(api);
    expect(after.objects).toEqual(before.objects);
    expect(after.tables).toEqual(decided.tables);
    const { rows } = await api.pool.query(
      'select 1 from submission_files where submission_id = $1',
      [created.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses an empty form with 400', async () => {
    const created = await submit(as('editor@ofa'));
    const answer = await expectUnchanged(api, async () =>
      addFiles(as('editor@ofa'), created.id, []),
    );
    expectError(answer, 400, 'file_missing');
  });
});
