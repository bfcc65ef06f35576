/**
 * Bad submissions (docs/architecture.md, "The bars every change keeps"): each gets a clear 4xx with
 * a JSON error body and changes nothing. Every case snapshots the submission tables, documents,
 * versions and audit events, and every object of the API's bucket, before and after, and proves
 * them equal: no row and no object is left behind, including files that were stored before the
 * request turned out to be bad.
 */
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
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
} from './submission-fixtures.js';

let api: RunningApi;
let ofaEditor: TestClient;
let dmtfSha: string;
let existing: SubmissionBody;

beforeAll(async () => {
  // Snapshots list the whole bucket: this file's APIs get buckets of their own.
  api = await startApi({ S3_BUCKET: `submissions-bad-${randomBytes(6).toString('hex')}` });
  ofaEditor = await TestClient.signIn(api.url, 'editor@ofa.example');
  dmtfSha = await iprSha256(ofaEditor, 'dmtf');
  // Something to lose: a stored submission with a file.
  existing = await submit(ofaEditor);
});

afterAll(async () => {
  await api?.close();
});

const fields = (overrides: Record<string, string | undefined> = {}) =>
  submissionFields(dmtfSha, overrides);

/** Control characters free text must not hold (C0, DEL, C1), each in a sample text. */
const CONTROLS = {
  'an ESC sequence': 'Red \u001b[31malert',
  NUL: 'Before\u0000after',
  'a C1 NEL (U+0085)': 'Next\u0085line',
  'a C1 CSI (U+009B)': 'Control\u009bsequence',
};

describe('creating a submission with bad input stores no row and no object', () => {
  const cases: {
    name: string;
    parts: () => FormPart[];
    status: number;
    code: string;
    as?: string;
  }[] = [
    {
      name: 'without the acknowledgement',
      parts: () => [...fields({ acceptIpr: undefined }), filePart('a.pdf')],
      status: 400,
      code: 'ipr_not_accepted',
    },
    {
      name: 'with the acknowledgement refused (acceptIpr=false)',
      parts: () => [...fields({ acceptIpr: 'false' }), filePart('a.pdf')],
      status: 400,
      code: 'ipr_not_accepted',
    },
    {
      name: 'without the hash of the policy shown',
      parts: () => [...fields({ iprPolicySha256: undefined }), filePart('a.pdf')],
      status: 400,
      code: 'ipr_not_accepted',
    },
    {
      name: 'with the hash of another text',
      parts: () => [
        ...fields({ iprPolicySha256: createHash('sha256').update('old policy').digest('hex') }),
        filePart('a.pdf'),
      ],
      status: 409,
      code: 'ipr_policy_changed',
    },
    {
      name: 'to an unknown organization',
      parts: () => [...fields({ to: 'nobody' }), filePart('a.pdf')],
      status: 422,
      code: 'unknown_organization',
    },
    {
      name: 'under an unknown register',
      parts: () => [...fields({ register: 'no-such-register' }), filePart('a.pdf')],
      status: 422,
      code: 'unknown_register',
    },
    {
      name: 'to an organization that is not a party of the register',
      parts: () => [...fields({ to: 'snia' }), filePart('a.pdf')],
      status: 422,
      code: 'not_a_party',
    },
    {
      name: "to the submitter's own organization",
      parts: () => [...fields({ to: 'ofa' }), filePart('a.pdf')],
      status: 422,
      code: 'submit_to_self',
    },
    {
      name: 'on behalf of an organization the caller is not an editor of',
      parts: () => [...fields({ from: 'dmtf', to: 'ofa' }), filePart('a.pdf')],
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'under a draft register',
      as: 'editor@snia.example',
      parts: () => [...fields({ register: 'snia-dmtf' }), filePart('a.pdf')],
      status: 422,
      code: 'register_not_approved',
    },
    {
      name: 'by a member (not an editor) of the submitting organization',
      as: 'member@ofa.example',
      parts: () => [...fields(), filePart('a.pdf')],
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'by the operator',
      as: 'operator@liaison.example',
      parts: () => [...fields(), filePart('a.pdf')],
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'with an unknown field',
      parts: () => [...fields(), field('priority', 'high'), filePart('a.pdf')],
      status: 400,
      code: 'unknown_field',
    },
    {
      name: "with a file in a field other than 'file'",
      parts: () => [...fields(), { ...filePart('a.pdf'), name: 'attachment' }],
      status: 400,
      code: 'unknown_field',
    },
    {
      name: 'with a field sent twice',
      parts: () => [...fields(), field('title', 'again'), filePart('a.pdf')],
      status: 400,
      code: 'invalid_form',
    },
    {
      name: 'with a text field after a stored file',
      parts: () => [...fields(), filePart('a.pdf'), field('description', 'late')],
      status: 400,
      code: 'invalid_form',
    },
    {
      name: 'without a title',
      parts: () => [...fields({ title: '  ' }), filePart('a.pdf')],
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'with a title longer than the schema allows',
      parts: () => [...fields({ title: 't'.repeat(301) }), filePart('a.pdf')],
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'with a description longer than the schema allows',
      parts: () => [...fields({ description: 'd'.repeat(20_001) }), filePart('a.pdf')],
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'with a register that is not a slug',
      parts: () => [...fields({ register: '../ofa-dmtf' }), filePart('a.pdf')],
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'without any file',
      parts: () => fields(),
      status: 400,
      code: 'file_missing',
    },
    {
      name: 'with a file name that is a path',
      parts: () => [...fields(), filePart('../../etc/passwd')],
      status: 400,
      code: 'invalid_filename',
    },
    {
      name: 'with a control character in a file name, after a good file was stored',
      parts: () => [...fields(), filePart('good.pdf'), filePart(Buffer.from('bad\x01name.pdf'))],
      status: 400,
      code: 'invalid_filename',
    },
    {
      name: 'with a right-to-left override in a file name',
      parts: () => [...fields(), filePart('evil\u202Efdp.exe')],
      status: 400,
      code: 'invalid_filename',
    },
    {
      name: 'with an empty file name',
      parts: () => [...fields(), filePart('')],
      status: 400,
      code: 'invalid_filename',
    },
    {
      name: 'with more files than a submission may hold (all stored ones removed)',
      parts: () => [
        ...fields(),
        ...Array.from({ length: 21 }, (_, index) => filePart(`part-${index}.pdf`)),
      ],
      status: 400,
      code: 'too_many_files',
    },
    ...Object.entries(CONTROLS).flatMap(([control, text]) => [
      {
        name: `with ${control} in the title`,
        parts: () => [...fields({ title: text }), filePart('a.pdf')],
        status: 400,
        code: 'invalid_input',
      },
      {
        name: `with ${control} in the description`,
        parts: () => [...fields({ description: text }), filePart('a.pdf')],
        status: 400,
        code: 'invalid_input',
      },
    ]),
    {
      name: 'with a line break in the title',
      parts: () => [...fields({ title: 'Two\nlines' }), filePart('a.pdf')],
      status: 400,
      code: 'invalid_input',
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const client = testCase.as ? await TestClient.signIn(api.url, testCase.as) : ofaEditor;
      const answer = await expectUnchanged(api, () => postForm(client, testCase.parts()));
      expectError(answer, testCase.status, testCase.code);
    });
  }

  it('anonymously (401)', async () => {
    const answer = await expectUnchanged(api, () =>
      postForm(new TestClient(api.url), [...fields(), filePart('a.pdf')]),
    );
    expectError(answer, 401, 'unauthenticated');
  });

  it('as JSON instead of multipart (415)', async () => {
    const answer = await expectUnchanged(api, async () =>
      answerOf(
        await ofaEditor.fetch('/api/v1/submissions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ register: 'ofa-dmtf', to: 'dmtf', title: 'x' }),
        }),
      ),
    );
    expectError(answer, 415, 'unsupported_media_type');
  });

  it('with a whole file but no closing boundary', async () => {
    const answer = await expectUnchanged(api, () =>
      postForm(ofaEditor, [...fields(), filePart('a.pdf')], { close: false }),
    );
    expectError(answer, 400, 'incomplete_upload');
  });

  it('with a body that ends mid-file, shorter than its Content-Length', async () => {
    const full = multipartBody([...fields(), filePart('big.pdf', randomBytes(256 * 1024))]);
    const sent = full.subarray(0, full.length - 100_000);
    const { hostname, port } = new URL(api.url);
    const head = [
      'POST /api/v1/submissions HTTP/1.1',
      `Host: ${hostname}:${port}`,
      `Authorization: Bearer ${ofaEditor.token}`,
      `Content-Type: ${MULTIPART_TYPE}`,
      `Content-Length: ${full.length}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const raw = await expectUnchanged(
      api,
      () =>
        new Promise<string>((resolve, reject) => {
          const socket = connect({ host: hostname, port: Number(port) });
          const received: Buffer[] = [];
          const timer = setTimeout(() => {
            socket.destroy();
            reject(new Error('the connection stayed open'));
          }, 15_000);
          socket.on('data', (chunk: Buffer) => received.push(chunk));
          socket.on('error', () => {});
          socket.on('close', () => {
            clearTimeout(timer);
            resolve(Buffer.concat(received).toString('latin1'));
          });
          socket.on('connect', () => {
            socket.write(head);
            socket.write(sent);
            socket.end();
          });
        }),
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('"error":{"code":"');
    // Nothing arrives late either: the clean-up of a stored part finishes before the answer.
    expect((await snapshot(api)).objects.filter((key) => key.startsWith('submissions/'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^submissions/${existing.id}/${existing.files[0]!.id} ${existing.files[0]!.size} `,
        ),
      ),
    ]);
  });

  it('when the IPR policy changes while the files stream (409, nothing stored)', async () => {
    const before = await snapshot(api);
    const { finish } = await postHeldAfterFirstFile(
      api,
      ofaEditor,
      '/api/v1/submissions',
      fields(),
    );
    const { rows } = await api.pool.query<{ ipr_policy: string }>(
      "select ipr_policy from organizations where slug = 'dmtf'",
    );
    await api.pool.query(
      "update organizations set ipr_policy = ipr_policy || ' (amended)' where slug = 'dmtf'",
    );
    try {
      expectError(await finish(), 409, 'ipr_policy_changed');
      expect(await snapshot(api)).toEqual(before);
    } finally {
      await api.pool.query("update organizations set ipr_policy = $1 where slug = 'dmtf'", [
        rows[0]!.ipr_policy,
      ]);
    }
  });
});

describe('oversize submissions', () => {
  let small: RunningApi;
  let editor: TestClient;
  let sha: string;

  beforeAll(async () => {
    small = await startApi({
      MAX_UPLOAD_BYTES: '4096',
      S3_BUCKET: `submissions-small-${randomBytes(6).toString('hex')}`,
    });
    editor = await TestClient.signIn(small.url, 'editor@ofa.example');
    sha = await iprSha256(editor, 'dmtf');
  });

  afterAll(async () => {
    await small?.close();
  });

  it('one file over the limit answers 413 and stores nothing', async () => {
    const answer = await expectUnchanged(small, () =>
      postForm(editor, [...submissionFields(sha), filePart('big.pdf', randomBytes(5000))]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('files over the limit together answer 413, and the first one stored is removed', async () => {
    const answer = await expectUnchanged(small, () =>
      postForm(editor, [
        ...submissionFields(sha),
        filePart('one.pdf', randomBytes(3000)),
        filePart('two.pdf', randomBytes(3000)),
      ]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('a declared length far over the limit answers 413 before reading', async () => {
    const answer = await expectUnchanged(small, () =>
      postForm(editor, [...submissionFields(sha), filePart('big.pdf', randomBytes(400_000))]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('files within the limit together are accepted', async () => {
    const answer = await postForm(editor, [
      ...submissionFields(sha),
      filePart('one.pdf', randomBytes(2000)),
      filePart('two.pdf', randomBytes(2000)),
    ]);
    expect(answer.status).toBe(201);
  });
});

describe('bad input on the other submission routes changes nothing', () => {
  let reviewer: TestClient;

  beforeAll(async () => {
    reviewer = await TestClient.signIn(api.url, 'admin@dmtf.example');
  });

  const jsonCases: {
    name: string;
    path: () => string;
    body: unknown;
    status: number;
    code: string;
  }[] = [
    {
      name: 'a transition to an unknown state',
      path: () => `/api/v1/submissions/${existing.id}/transitions`,
      body: { to: 'approved' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a transition with an unknown field',
      path: () => `/api/v1/submissions/${existing.id}/transitions`,
      body: { to: 'under-review', note: 'x' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a transition of a submission that does not exist',
      path: () => '/api/v1/submissions/00000000-0000-4000-8000-000000000000/transitions',
      body: { to: 'under-review' },
      status: 404,
      code: 'not_found',
    },
    {
      name: 'an empty comment',
      path: () => `/api/v1/submissions/${existing.id}/comments`,
      body: { body: '' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a comment of blanks only',
      path: () => `/api/v1/submissions/${existing.id}/comments`,
      body: { body: '   ' },
      status: 400,
      code: 'invalid_input',
    },
    ...Object.entries(CONTROLS).map(([control, text]) => ({
      name: `a comment with ${control}`,
      path: () => `/api/v1/submissions/${existing.id}/comments`,
      body: { body: text },
      status: 400,
      code: 'invalid_input',
    })),
    ...Object.entries(CONTROLS).map(([control, text]) => ({
      name: `a decision reason with ${control}`,
      path: () => `/api/v1/submissions/${existing.id}/transitions`,
      body: { to: 'declined', reason: text },
      status: 400,
      code: 'invalid_input',
    })),
    {
      name: 'a comment with a wrong type',
      path: () => `/api/v1/submissions/${existing.id}/comments`,
      body: { body: 42 },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a document from a submission with an invalid identifier',
      path: () => `/api/v1/submissions/${existing.id}/document`,
      body: { fileId: '00000000-0000-4000-8000-000000000000', identifier: '../x' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a document from a submission that is not accepted',
      path: () => `/api/v1/submissions/${existing.id}/document`,
      body: { fileId: '00000000-0000-4000-8000-000000000000', identifier: 'DSP-X' },
      status: 409,
      code: 'not_accepted',
    },
  ];

  for (const testCase of jsonCases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, async () =>
        answerOf(
          await reviewer.fetch(testCase.path(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(testCase.body),
          }),
        ),
      );
      expectError(answer, testCase.status, testCase.code);
    });
  }

  it('an id that is not a UUID answers 400', async () => {
    const answer = await answerOf(await reviewer.fetch('/api/v1/submissions/not-a-uuid'));
    expectError(answer, 400, 'invalid_input');
  });

  it('a file of another submission answers 404 and records no download', async () => {
    const other = await submit(ofaEditor);
    const answer = await expectUnchanged(api, async () =>
      answerOf(
        await reviewer.fetch(
          `/api/v1/submissions/${existing.id}/files/${other.files[0]!.id}/content`,
        ),
      ),
    );
    expectError(answer, 404, 'not_found');
  });
});
