/**
 * Bad input changes nothing (docs/architecture.md, "The bars every change keeps"): every bad input
 * gets a clear 4xx with a JSON error body `{ error: { code, message } }` and changes nothing. Each
 * case snapshots every table of its scratch database (row count and a digest of the contents) and
 * every object of its own bucket before and after the bad request, and proves the two are equal.
 * Each test's name says what would otherwise have been changed.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { type RunningApi, startApi, TEST_AUTH_SECRET } from './helpers.js';
import {
  type Answer,
  answerOf,
  type FormPart,
  MULTIPART_TYPE,
  multipartBody,
  sendJson,
} from './raw-requests.js';
import { type StateSnapshot, snapshotState } from './state-snapshot.js';

// ---------------------------------------------------------------------------------------------
// State snapshots
// ---------------------------------------------------------------------------------------------

/** The tables this file must see in every snapshot; all other public tables are covered too. */
const WATCHED_TABLES = [
  'documents',
  'document_versions',
  'document_registers',
  'api_tokens',
  'audit_events',
  'login_failures',
  'users',
  'memberships',
];

/** Every public table of the scratch database and every object of the API's own bucket. */
async function snapshot(target: RunningApi): Promise<StateSnapshot> {
  const { rows } = await target.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return snapshotState(
    target,
    rows.map((row) => row.name),
  );
}

/**
 * Runs `action` between two snapshots and asserts they are equal: the bad request changed nothing.
 * With `settleMs`, the state is compared once more after that long, for requests whose server-side
 * work may outlive the answer (a connection the client cut short).
 */
async function expectUnchanged<T>(
  target: RunningApi,
  action: () => Promise<T>,
  options: { settleMs?: number } = {},
): Promise<T> {
  const before = await snapshot(target);
  for (const table of WATCHED_TABLES) expect(before.tables).toHaveProperty(table);
  const result = await action();
  expect(await snapshot(target)).toEqual(before);
  if (options.settleMs) {
    await new Promise((resolve) => setTimeout(resolve, options.settleMs));
    expect(await snapshot(target)).toEqual(before);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Requests and answers
// ---------------------------------------------------------------------------------------------

/** Asserts a clear 4xx: the status, a JSON content type and exactly `{ error: { code, message } }`. */
function expectError(answer: Answer<unknown>, status: number, code?: string | RegExp) {
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { error: { code: code ?? expect.any(String), message: expect.any(String) } },
  });
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = answer.body as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect((body.error.message as string).length).toBeGreaterThan(0);
}

async function send(
  client: TestClient,
  method: string,
  path: string,
  body?: string | Buffer,
  contentType?: string,
): Promise<Answer<unknown>> {
  return answerOf(
    await client.fetch(path, {
      method,
      ...(body !== undefined ? { body } : {}),
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Hand-made multipart bodies, so every byte (NULs, control characters, bad framing) is exact
// ---------------------------------------------------------------------------------------------

const file = (filename: string | Buffer, content: string | Buffer = '%PDF-1.7 x'): FormPart => ({
  name: 'file',
  filename,
  content,
});
const label = (value: string): FormPart => ({ name: 'label', value });

async function uploadForm(
  client: TestClient,
  documentId: string,
  parts: FormPart[],
  options: { close?: boolean } = {},
): Promise<Answer<unknown>> {
  return send(
    client,
    'POST',
    `/api/v1/documents/${documentId}/versions`,
    multipartBody(parts, options),
    MULTIPART_TYPE,
  );
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP over a socket: bodies that end before their declared length, pipelined requests
// ---------------------------------------------------------------------------------------------

/** Splits what a server sent on one connection into its answers (Content-Length or chunked). */
function parseAnswers(raw: Buffer): Answer<unknown>[] {
  const answers: Answer<unknown>[] = [];
  let at = 0;
  while (at < raw.length) {
    const split = raw.indexOf('\r\n\r\n', at);
    if (split < 0) throw new Error(`an incomplete answer: ${raw.subarray(at).toString('latin1')}`);
    const lines = raw.subarray(at, split).toString('latin1').split('\r\n');
    const status = Number(lines[0]!.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let payload: Buffer;
    at = split + 4;
    if (headers['transfer-encoding'] === 'chunked') {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = raw.indexOf('\r\n', at);
        const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
        at = lineEnd + 2;
        if (size === 0) {
          at += 2;
          break;
        }
        chunks.push(raw.subarray(at, at + size));
        at += size + 2;
      }
      payload = Buffer.concat(chunks);
    } else {
      const length = Number(headers['content-length'] ?? raw.length - at);
      payload = raw.subarray(at, at + length);
      at += length;
    }
    const text = payload.toString('utf8');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    answers.push({ status, headers, body });
  }
  return answers;
}

/**
 * Writes `chunks` over a fresh connection, optionally half-closes it (FIN: nothing more will
 * come), and reads every answer until the server closes. Fails after `timeoutMs`.
 */
function rawExchange(
  baseUrl: string,
  chunks: (string | Buffer)[],
  options: { halfClose: boolean; timeoutMs?: number },
) {
  const { hostname, port } = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise<Answer<unknown>[]>((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      const sofar = Buffer.concat(received).toString('latin1').slice(0, 300);
      reject(new Error(`the connection was still open after ${timeoutMs} ms; got: ${sofar}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => {}); // A reset after the answer is fine; a missing answer is not.
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseAnswers(Buffer.concat(received)));
      } catch (error) {
        reject(error);
      }
    });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.halfClose) socket.end();
    });
  });
}

function uploadHead(
  client: TestClient,
  documentId: string,
  contentLength: number,
  host: string,
  connection: 'close' | 'keep-alive' = 'close',
): string {
  return [
    `POST /api/v1/documents/${documentId}/versions HTTP/1.1`,
    `Host: ${host}`,
    `Authorization: Bearer ${client.token}`,
    `Content-Type: ${MULTIPART_TYPE}`,
    `Content-Length: ${contentLength}`,
    `Connection: ${connection}`,
    '',
    '',
  ].join('\r\n');
}

/** Deterministic bytes (xorshift32), so a failing size or hash is reproducible. */
function pseudoRandomBytes(size: number, seed: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    buffer[i] = x & 0xff;
  }
  return buffer;
}

// ---------------------------------------------------------------------------------------------
// The API under test
// ---------------------------------------------------------------------------------------------

const uniqueBucket = (purpose: string) => `${purpose}-${randomBytes(6).toString('hex')}`;

let api: RunningApi;
let dmtfEditor: TestClient;
let dmtfMember: TestClient;
let ofaEditor: TestClient;
let sniaAdmin: TestClient;
let documentId: string;
let versionId: string;
let ofaDocumentId: string;
const existingContent = '%PDF-1.7 the existing version, 0123456789';

const validDocument = {
  organization: 'dmtf',
  identifier: 'DSP9001',
  title: 'Bad input must change nothing',
  abstract: 'A document that would be created if the request were accepted.',
  status: 'work-in-progress',
  visibility: 'organization',
  // The stand-in PDFs uploaded here could not be stamped; watermarks.test.ts covers those.
  watermark: false,
  registers: ['ofa-dmtf'],
};

beforeAll(async () => {
  api = await startApi({ S3_BUCKET: uniqueBucket('bad-input') });
  dmtfEditor = await TestClient.signIn(api.url, 'editor@dmtf.example');
  dmtfMember = await TestClient.signIn(api.url, 'member@dmtf.example');
  ofaEditor = await TestClient.signIn(api.url, 'editor@ofa.example');
  sniaAdmin = await TestClient.signIn(api.url, 'admin@snia.example');

  // Something to lose: documents with registers, a stored version, and an API token.
  const initial = await snapshot(api);
  const created = await dmtfEditor.json<{ id: string }>('POST', '/api/v1/documents', {
    ...validDocument,
    identifier: 'DSP9000',
    title: 'The existing document',
  });
  expect(created.status).toBe(201);
  documentId = created.body.id;
  const uploaded = await dmtfEditor.upload(documentId, '1.0', existingContent);
  expect(uploaded.status).toBe(201);
  versionId = uploaded.body.id as string;
  const token = await dmtfEditor.json('POST', '/api/v1/tokens', { name: 'ci' });
  expect(token.status).toBe(201);
  const ofaCreated = await ofaEditor.json<{ id: string }>('POST', '/api/v1/documents', {
    ...validDocument,
    organization: 'ofa',
    identifier: 'OFA-9000',
    title: 'An OFA document under the OFA/DMTF register',
  });
  expect(ofaCreated.status).toBe(201);
  ofaDocumentId = ofaCreated.body.id;

  const state = await snapshot(api);
  const added = (table: string) => state.tables[table]!.rows - initial.tables[table]!.rows;
  expect(added('documents')).toBe(2);
  expect(added('document_versions')).toBe(1);
  expect(added('document_registers')).toBe(2);
  expect(added('api_tokens')).toBe(1);
  expect(state.objects).toEqual(
    [
      ...initial.objects,
      expect.stringMatching(new RegExp(`^documents/${documentId}/${versionId} `)),
    ].sort(),
  );
});

afterAll(async () => {
  await api?.close();
});

// ---------------------------------------------------------------------------------------------
// Documents: create and update
// ---------------------------------------------------------------------------------------------

describe('creating a document with bad input', () => {
  const cases: { name: string; body: unknown; status: number; code?: string }[] = [
    {
      name: 'a create without a title adds no document',
      body: { ...validDocument, title: undefined },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with none of the required fields adds no document',
      body: {},
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with an unknown field adds no document (the field is not silently dropped)',
      body: { ...validDocument, owner: 'ofa' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a number for a title adds no document',
      body: { ...validDocument, title: 42 },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a string for the registers list adds no document and no register link',
      body: { ...validDocument, registers: 'ofa-dmtf' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a number in the registers list adds no document and no register link',
      body: { ...validDocument, registers: [7] },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with null for the abstract adds no document',
      body: { ...validDocument, abstract: null },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a list for the visibility adds no document',
      body: { ...validDocument, visibility: ['organization'] },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with an object for the organization adds no document',
      body: { ...validDocument, organization: { slug: 'dmtf' } },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a JSON array for a body adds no document',
      body: [validDocument],
      status: 400,
      code: 'invalid_input',
    },
    {
      name: "a create with the unknown status 'draft' adds no document",
      body: { ...validDocument, status: 'draft' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: "a create with the unknown visibility 'everyone' adds no document",
      body: { ...validDocument, visibility: 'everyone' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create with a 301-character title adds no document',
      body: { ...validDocument, title: 't'.repeat(301) },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: "a create with a path for an identifier ('../DSP0266') adds no document",
      body: { ...validDocument, identifier: '../DSP0266' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'a create reusing an identifier (DSP9000) neither adds nor overwrites a document',
      body: { ...validDocument, identifier: 'DSP9000', title: 'An overwrite attempt' },
      status: 409,
      code: 'duplicate_identifier',
    },
    {
      name: 'a create under a register that does not exist adds no document nor register link',
      body: { ...validDocument, registers: ['ofa-dmtf', 'no-such-register'] },
      status: 422,
      code: 'register_not_shared',
    },
    {
      name: 'a create for an organization that does not exist adds no document',
      body: { ...validDocument, organization: 'ieee' },
      status: 422,
      code: 'unknown_organization',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, () =>
        sendJson(dmtfEditor, 'POST', '/api/v1/documents', testCase.body),
      );
      expectError(answer, testCase.status, testCase.code);
    });
  }

  it('a create by OFA under the SNIA/DMTF register it is not party of adds no document', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(ofaEditor, 'POST', '/api/v1/documents', {
        ...validDocument,
        organization: 'ofa',
        registers: ['snia-dmtf'],
      }),
    );
    expectError(answer, 422, 'register_not_shared');
    expect((answer.body as { error: { message: string } }).error.message).toContain('snia-dmtf');
  });

  it('a create whose body is not JSON adds no document', async () => {
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'POST', '/api/v1/documents', '{"organization": "dmtf",', 'application/json'),
    );
    expectError(answer, 400);
  });

  it('a create sent as a form instead of JSON adds no document', async () => {
    const answer = await expectUnchanged(api, () =>
      send(
        dmtfEditor,
        'POST',
        '/api/v1/documents',
        'organization=dmtf&identifier=DSP9001',
        'application/x-www-form-urlencoded',
      ),
    );
    expectError(answer, 415, 'unsupported_media_type');
  });
});

describe('changing a document with bad input', () => {
  const path = () => `/api/v1/documents/${documentId}`;
  const cases: { name: string; body: unknown; status: number; code?: string }[] = [
    {
      name: 'an update with an unknown field leaves the document as it was',
      body: { title: 'Renamed', owner: 'ofa' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update with no fields at all leaves the document as it was',
      body: {},
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update with a boolean for a title leaves the document as it was',
      body: { title: true },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: "an update to the unknown status 'final' leaves the status as it was",
      body: { status: 'final' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: "an update to the unknown visibility 'world' leaves the visibility as it was",
      body: { visibility: 'world' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update to a 301-character title leaves the title as it was',
      body: { title: 'x'.repeat(301) },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update with a number for the status leaves the status as it was',
      body: { status: 1 },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update with a string for the registers list leaves the registers as they were',
      body: { registers: 'snia-dmtf' },
      status: 400,
      code: 'invalid_input',
    },
    {
      name: 'an update adding a register that does not exist leaves title and registers as they were',
      body: { title: 'Renamed too', registers: ['ofa-dmtf', 'ofa-snia'] },
      status: 422,
      code: 'register_not_shared',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, () =>
        sendJson(dmtfEditor, 'PATCH', path(), testCase.body),
      );
      expectError(answer, testCase.status, testCase.code);
    });
  }

  it('an update putting an OFA document under the SNIA/DMTF register (OFA is no party) leaves it as it was', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(ofaEditor, 'PATCH', `/api/v1/documents/${ofaDocumentId}`, {
        title: 'Shared with SNIA too',
        registers: ['ofa-dmtf', 'snia-dmtf'],
      }),
    );
    expectError(answer, 422, 'register_not_shared');
  });

  it('an update whose body is not JSON leaves the document as it was', async () => {
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'PATCH', path(), "{title: 'unquoted'}", 'application/json'),
    );
    expectError(answer, 400);
  });

  it('an update by an organization that cannot see the document changes nothing, and says 404', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(sniaAdmin, 'PATCH', path(), { title: 'Taken over' }),
    );
    expectError(answer, 404, 'not_found');
  });

  it('a delete by an organization that cannot see the document keeps it and its file', async () => {
    const answer = await expectUnchanged(api, () => send(sniaAdmin, 'DELETE', path()));
    expectError(answer, 404, 'not_found');
  });

  it('a withdrawal with an empty reason keeps the version visible', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(dmtfEditor, 'POST', `${path()}/versions/${versionId}/withdraw`, { reason: '' }),
    );
    expectError(answer, 400, 'invalid_input');
  });
});

// ---------------------------------------------------------------------------------------------
// Control characters in free text (titles, names, paragraphs, comments)
// ---------------------------------------------------------------------------------------------

describe('control characters in free text', () => {
  const CONTROLS = {
    'an ESC sequence': 'Red \u001b[31malert',
    NUL: 'Before\u0000after',
    'a C1 NEL (U+0085)': 'Next\u0085line',
    'a C1 CSI (U+009B)': 'Control\u009bsequence',
    DEL: 'Rub\u007fout',
  };
  const requests: {
    what: string;
    field: string;
    send: (text: string) => Promise<Answer<unknown>>;
  }[] = [
    {
      what: 'a document created with it in its title',
      field: 'title',
      send: (text) =>
        sendJson(dmtfEditor, 'POST', '/api/v1/documents', { ...validDocument, title: text }),
    },
    {
      what: 'a document created with it in its abstract',
      field: 'abstract',
      send: (text) =>
        sendJson(dmtfEditor, 'POST', '/api/v1/documents', { ...validDocument, abstract: text }),
    },
    {
      what: 'a document title changed to it',
      field: 'title',
      send: (text) =>
        sendJson(dmtfEditor, 'PATCH', `/api/v1/documents/${documentId}`, { title: text }),
    },
    {
      what: "a new member's name",
      field: 'name',
      send: (text) =>
        sendJson(sniaAdmin, 'POST', '/api/v1/organizations/snia/members', {
          email: 'newcomer@snia.example',
          role: 'member',
          name: text,
        }),
    },
    {
      what: "an organization's name",
      field: 'name',
      send: (text) => sendJson(sniaAdmin, 'PATCH', '/api/v1/organizations/snia', { name: text }),
    },
    {
      what: "an organization's description",
      field: 'description',
      send: (text) =>
        sendJson(sniaAdmin, 'PATCH', '/api/v1/organizations/snia', { description: text }),
    },
    {
      what: "an organization's IPR policy",
      field: 'iprPolicy',
      send: (text) =>
        sendJson(sniaAdmin, 'PATCH', '/api/v1/organizations/snia', { iprPolicy: text }),
    },
    {
      what: "a register milestone's deliverable",
      field: 'deliverable',
      send: (text) =>
        sendJson(sniaAdmin, 'POST', '/api/v1/registers/snia-dmtf/milestones', {
          deliverable: text,
          timeframe: 'Q1 2027',
        }),
    },
    {
      what: "a register commitment's note",
      field: 'note',
      send: (text) =>
        sendJson(sniaAdmin, 'POST', '/api/v1/registers/snia-dmtf/commitments', {
          from: 'snia',
          to: 'dmtf',
          title: 'A model',
          note: text,
        }),
    },
    {
      what: 'an API token name',
      field: 'name',
      send: (text) => sendJson(dmtfEditor, 'POST', '/api/v1/tokens', { name: text }),
    },
  ];
  for (const request of requests) {
    for (const [control, text] of Object.entries(CONTROLS)) {
      it(`${control} in ${request.what} is refused, naming the field, and changes nothing`, async () => {
        const answer = await expectUnchanged(api, () => request.send(text));
        expectError(answer, 400, 'invalid_input');
        if (control !== 'NUL') {
          expect((answer.body as { error: { message: string } }).error.message).toContain(
            request.field,
          );
        }
      });
    }
  }

  it('a lone CR in an abstract is refused; a CR of a CRLF is not', async () => {
    const lone = await expectUnchanged(api, () =>
      sendJson(dmtfEditor, 'PATCH', `/api/v1/documents/${documentId}`, { abstract: 'a\rb' }),
    );
    expectError(lone, 400, 'invalid_input');
  });

  it('tabs and line breaks in an abstract are accepted, and kept', async () => {
    const abstract = 'First paragraph.\n\n\tIndented, then a CRLF:\r\nlast line.';
    const answer = await sendJson(dmtfEditor, 'PATCH', `/api/v1/documents/${documentId}`, {
      abstract,
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { abstract: string }).abstract).toBe(abstract);
  });

  it('a tab or a line break in a title is refused', async () => {
    for (const title of ['Tab\there', 'Line\nbreak']) {
      const answer = await expectUnchanged(api, () =>
        sendJson(dmtfEditor, 'PATCH', `/api/v1/documents/${documentId}`, { title }),
      );
      expectError(answer, 400, 'invalid_input');
    }
  });
});

describe('ids in the path that are not UUIDs', () => {
  const cases: { name: string; method: string; path: () => string; body?: unknown }[] = [
    {
      name: 'a read of /documents/not-a-uuid changes nothing',
      method: 'GET',
      path: () => '/api/v1/documents/not-a-uuid',
    },
    {
      name: 'an update of /documents/123 changes no document',
      method: 'PATCH',
      path: () => '/api/v1/documents/123',
      body: { title: 'Renamed' },
    },
    {
      name: 'a delete of /documents/<uuid>x deletes no document',
      method: 'DELETE',
      path: () => `/api/v1/documents/${documentId}x`,
    },
    {
      name: 'a download of /versions/not-a-uuid/content changes nothing',
      method: 'GET',
      path: () => `/api/v1/documents/${documentId}/versions/not-a-uuid/content`,
    },
    {
      name: "a withdrawal of /versions/1'%20or%20'1'='1 withdraws no version",
      method: 'POST',
      path: () => `/api/v1/documents/${documentId}/versions/1'%20or%20'1'='1/withdraw`,
      body: { reason: 'Superseded' },
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, () =>
        testCase.body === undefined
          ? send(dmtfEditor, testCase.method, testCase.path())
          : sendJson(dmtfEditor, testCase.method, testCase.path(), testCase.body),
      );
      expectError(answer, 400, 'invalid_input');
    });
  }

  it('an upload to /documents/not-a-uuid/versions stores no file and adds no version', async () => {
    const answer = await expectUnchanged(api, () =>
      uploadForm(dmtfEditor, 'not-a-uuid', [label('2.0'), file('spec.pdf')]),
    );
    expectError(answer, 400, 'invalid_input');
  });
});

describe('API tokens with bad input', () => {
  it('a token request with a 0-day lifetime adds no token', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(dmtfEditor, 'POST', '/api/v1/tokens', { name: 'ci-2', expiresInDays: 0 }),
    );
    expectError(answer, 400, 'invalid_input');
  });

  it('a token request with an unknown field adds no token', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(dmtfEditor, 'POST', '/api/v1/tokens', { name: 'ci-2', scope: 'admin' }),
    );
    expectError(answer, 400, 'invalid_input');
  });

  it('a revocation of a token id that is not a UUID revokes no token', async () => {
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'DELETE', '/api/v1/tokens/not-a-uuid'),
    );
    expectError(answer, 400, 'invalid_input');
  });
});

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

describe('bad credentials on a request that would create a document', () => {
  const createWith = async (authorization: string) =>
    answerOf(
      await fetch(`${api.url}/api/v1/documents`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ ...validDocument, identifier: 'DSP9002' }),
      }),
    );

  async function dmtfEditorId(): Promise<string> {
    const { rows } = await api.pool.query<{ id: string }>(
      `select id from users where lower(email) = 'editor@dmtf.example'`,
    );
    return rows[0]!.id;
  }

  it('a malformed token (Bearer not-a-token) adds no document', async () => {
    const answer = await expectUnchanged(api, () => createWith('Bearer not-a-token'));
    expectError(answer, 401, 'unauthenticated');
  });

  it('an Authorization header that is not Bearer adds no document', async () => {
    const answer = await expectUnchanged(api, () => createWith('Basic ZWRpdG9yOnB3'));
    expectError(answer, 401, 'unauthenticated');
  });

  it('an unknown personal API token adds no document', async () => {
    const answer = await expectUnchanged(api, () =>
      createWith(`Bearer lia_${randomBytes(24).toString('hex')}`),
    );
    expectError(answer, 401, 'unauthenticated');
  });

  it('an expired access token of a real editor adds no document', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(await dmtfEditorId())
      .setIssuer('liaison')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_AUTH_SECRET));
    const answer = await expectUnchanged(api, () => createWith(`Bearer ${expired}`));
    expectError(answer, 401, 'unauthenticated');
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('an access token signed with another secret adds no document', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(await dmtfEditorId())
      .setIssuer('liaison')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'));
    const answer = await expectUnchanged(api, () => createWith(`Bearer ${forged}`));
    expectError(answer, 401, 'unauthenticated');
  });

  it('an anonymous create adds no document', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(new TestClient(api.url), 'POST', '/api/v1/documents', validDocument),
    );
    expectError(answer, 401, 'unauthenticated');
  });
});

// ---------------------------------------------------------------------------------------------
// Uploads
// ---------------------------------------------------------------------------------------------

describe('uploads with a bad form', () => {
  const cases: { name: string; parts: () => FormPart[]; status: number; code: string }[] = [
    {
      name: 'an upload with two file fields stores neither file and adds no version',
      parts: () => [label('2.0'), file('a.pdf', 'first file'), file('b.pdf', 'second file')],
      status: 400,
      code: 'multiple_files',
    },
    {
      name: 'an upload with no file field adds no version',
      parts: () => [label('2.0')],
      status: 400,
      code: 'file_missing',
    },
    {
      name: 'an upload with no label field stores no file and adds no version',
      parts: () => [file('spec.pdf')],
      status: 400,
      code: 'label_missing',
    },
    {
      name: 'an upload with the label after the file stores no file and adds no version',
      parts: () => [file('spec.pdf'), label('2.0')],
      status: 400,
      code: 'label_missing',
    },
    {
      name: 'an upload with two label fields stores no file and adds no version',
      parts: () => [label('2.0'), label('2.1'), file('spec.pdf')],
      status: 400,
      code: 'invalid_form',
    },
    {
      name: 'an upload with an unknown extra field stores no file and adds no version',
      parts: () => [label('2.0'), { name: 'comment', value: 'hello' }, file('spec.pdf')],
      status: 400,
      code: 'unknown_field',
    },
    {
      name: "an upload with the file in a field not named 'file' stores nothing",
      parts: () => [label('2.0'), { name: 'attachment', filename: 'spec.pdf', content: 'x' }],
      status: 400,
      code: 'unknown_field',
    },
    {
      name: "an upload labelled '../1.0' stores no file and adds no version",
      parts: () => [label('../1.0'), file('spec.pdf')],
      status: 400,
      code: 'invalid_label',
    },
    {
      name: 'an upload with an empty label stores no file and adds no version',
      parts: () => [label(''), file('spec.pdf')],
      status: 400,
      code: 'invalid_label',
    },
    {
      name: "an upload reusing the label '1.0' neither replaces nor adds a version",
      parts: () => [label('1.0'), file('spec.pdf', 'a replacement')],
      status: 409,
      code: 'duplicate_label',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, () =>
        uploadForm(dmtfEditor, documentId, testCase.parts()),
      );
      expectError(answer, testCase.status, testCase.code);
    });
  }

  it('an upload by a member (who may read but not upload) stores no file', async () => {
    const answer = await expectUnchanged(api, () =>
      uploadForm(dmtfMember, documentId, [label('2.0'), file('spec.pdf')]),
    );
    expectError(answer, 403, 'forbidden');
  });

  it('an upload by an organization that cannot see the document stores no file, and says 404', async () => {
    const answer = await expectUnchanged(api, () =>
      uploadForm(ofaEditor, documentId, [label('2.0'), file('spec.pdf')]),
    );
    expectError(answer, 404, 'not_found');
  });

  it('an upload to a document that does not exist stores no file', async () => {
    const answer = await expectUnchanged(api, () =>
      uploadForm(dmtfEditor, '00000000-0000-4000-8000-000000000000', [
        label('2.0'),
        file('spec.pdf'),
      ]),
    );
    expectError(answer, 404, 'not_found');
  });
});

describe('refused uploads of large files', () => {
  // The server refuses these before it has read the file. The rest of the body must still be
  // read and dropped: otherwise the client, still sending, never completes its request and the
  // connection hangs. A request pipelined behind the upload proves the connection is free again.
  const refusedThenHealth = async (parts: FormPart[]) => {
    const body = multipartBody(parts);
    const host = new URL(api.url).host;
    return rawExchange(
      api.url,
      [
        uploadHead(dmtfEditor, documentId, body.length, host, 'keep-alive'),
        body,
        `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      ],
      { halfClose: false },
    );
  };
  const bigFile = () => Buffer.alloc(24 * 1024 * 1024, 'x');

  it("a 24 MiB upload reusing the label '1.0' stores nothing and leaves no connection hanging", async () => {
    const answers = await expectUnchanged(api, () =>
      refusedThenHealth([label('1.0'), file('big.pdf', bigFile())]),
    );
    expect(answers).toHaveLength(2);
    expectError(answers[0]!, 409, 'duplicate_label');
    expect(answers[1]).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('a 24 MiB upload with a right-to-left override in its name stores nothing and leaves no connection hanging', async () => {
    const answers = await expectUnchanged(api, () =>
      refusedThenHealth([label('3.0'), file(Buffer.from('evil\u202efdp.exe'), bigFile())]),
    );
    expect(answers).toHaveLength(2);
    expectError(answers[0]!, 400, 'invalid_filename');
    expect(answers[1]).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('uploads with a bad content type', () => {
  const path = () => `/api/v1/documents/${documentId}/versions`;

  it('an upload sent as JSON stores no file and adds no version', async () => {
    const answer = await expectUnchanged(api, () =>
      sendJson(dmtfEditor, 'POST', path(), { label: '2.0', file: 'JVBERi0xLjc=' }),
    );
    expectError(answer, 415, 'unsupported_media_type');
  });

  it('an upload sent as raw application/pdf bytes stores no file and adds no version', async () => {
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'POST', path(), Buffer.from('%PDF-1.7 raw'), 'application/pdf'),
    );
    expectError(answer, 415, 'unsupported_media_type');
  });

  it('an upload sent as text/plain stores no file and adds no version', async () => {
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'POST', path(), 'label=2.0', 'text/plain'),
    );
    expectError(answer, 415, 'unsupported_media_type');
  });

  it('a multipart upload without a boundary stores no file and adds no version', async () => {
    const answer = await expectUnchanged(api, () =>
      send(
        dmtfEditor,
        'POST',
        path(),
        multipartBody([label('2.0'), file('spec.pdf')]),
        'multipart/form-data',
      ),
    );
    expectError(answer, 400);
  });
});

describe('uploads with a dangerous file name', () => {
  const cases: { name: string; filename: string | Buffer | null; filenameStar?: string }[] = [
    {
      name: "a file named '../../etc/passwd' is not stored under any name",
      filename: '../../etc/passwd',
    },
    {
      name: "a file named '..\\\\..\\\\boot.ini' is not stored under any name",
      filename: '..\\..\\boot.ini',
    },
    {
      name: "a file named 'drafts/../spec.pdf' is not stored under any name",
      filename: 'drafts/../spec.pdf',
    },
    { name: "a file named '..' is not stored", filename: '..' },
    { name: 'a file with an empty name is not stored', filename: '' },
    {
      name: 'a file name with a raw NUL byte (spec.pdf<NUL>.exe) is not stored',
      filename: Buffer.from([...Buffer.from('spec.pdf'), 0x00, ...Buffer.from('.exe')]),
    },
    {
      name: "a file name with %00 in filename* (UTF-8''spec.pdf%00.exe) is not stored",
      filename: null,
      filenameStar: "UTF-8''spec.pdf%00.exe",
    },
    {
      name: 'a file name with an ANSI escape (ESC[31m) is not stored',
      filename: Buffer.from('\u001b[31mred.pdf', 'utf8'),
    },
    {
      name: 'a file name with a BEL character is not stored',
      filename: Buffer.from('be\u0007ll.pdf', 'utf8'),
    },
    { name: 'a file name with a tab is not stored', filename: Buffer.from('tab\tbed.pdf', 'utf8') },
    { name: 'a file name with DEL is not stored', filename: Buffer.from('del\u007f.pdf', 'utf8') },
    {
      name: 'a file name with a C1 control (U+0085) is not stored',
      filename: Buffer.from('next\u0085line.pdf', 'utf8'),
    },
    { name: 'a 300-character file name is not stored', filename: `${'n'.repeat(296)}.pdf` },
    {
      name: 'a file name with a right-to-left override (invoice<U+202E>fdp.exe) is not stored',
      filename: Buffer.from('invoice\u202efdp.exe', 'utf8'),
    },
    {
      name: 'a file name with a right-to-left isolate (U+2067) is not stored',
      filename: Buffer.from('report\u2067fdp.exe', 'utf8'),
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await expectUnchanged(api, () =>
        uploadForm(dmtfEditor, documentId, [
          label('2.0'),
          {
            name: 'file',
            filename: testCase.filename,
            ...(testCase.filenameStar ? { filenameStar: testCase.filenameStar } : {}),
            content: '%PDF-1.7 named badly',
          },
        ]),
      );
      expectError(answer, 400, 'invalid_filename');
    });
  }
});

describe('truncated uploads', () => {
  /** Sends the first `sentBytes` of the upload `full`, then half-closes: the body ends early. */
  async function expectCutShortRefused(full: Buffer, sentBytes: number) {
    const host = new URL(api.url).host;
    const head = uploadHead(dmtfEditor, documentId, full.length, host);
    const answers = await expectUnchanged(
      api,
      () => rawExchange(api.url, [head, full.subarray(0, sentBytes)], { halfClose: true }),
      { settleMs: 1000 },
    );
    expect(answers).toHaveLength(1);
    expectError(answers[0]!, 400, 'malformed_request');
  }

  it('a body that ends mid-file, shorter than its Content-Length, adds no version and stores no object', async () => {
    const full = multipartBody([label('2.0'), file('spec.pdf', pseudoRandomBytes(64 * 1024, 7))]);
    await expectCutShortRefused(full, full.length - 20_000);
  });

  it('a body cut off after the first 8 MiB part (a multipart store) adds no version and stores no object', async () => {
    const full = multipartBody([
      label('2.0'),
      file('big.pdf', pseudoRandomBytes(10 * 1024 * 1024, 11)),
    ]);
    await expectCutShortRefused(full, 9 * 1024 * 1024);
  });

  it('a body without its closing boundary, ending mid-file, adds no version and stores no object', async () => {
    const whole = multipartBody([label('2.0'), file('spec.pdf', pseudoRandomBytes(4096, 3))], {
      close: false,
    });
    const cut = whole.subarray(0, whole.length - 100);
    const answer = await expectUnchanged(api, () =>
      send(dmtfEditor, 'POST', `/api/v1/documents/${documentId}/versions`, cut, MULTIPART_TYPE),
    );
    expectError(answer, 400, 'incomplete_upload');
  });

  it('a whole file without the closing boundary adds no version and stores no object', async () => {
    const answer = await expectUnchanged(api, () =>
      uploadForm(dmtfEditor, documentId, [label('2.0'), file('spec.pdf')], { close: false }),
    );
    expectError(answer, 400, 'incomplete_upload');
  });
});

// ---------------------------------------------------------------------------------------------
// NUL bytes (PostgreSQL refuses them in text: without a check they reach it and answer 500)
// ---------------------------------------------------------------------------------------------

describe('a NUL byte in a query string, a path or a JSON body', () => {
  const reads = [
    '/api/v1/documents?q=%00abc',
    '/api/v1/documents?q=abc%00',
    '/api/v1/registers?x=%00',
    '/api/v1/audit?actor=%00editor@dmtf.example',
    '/api/v1/audit?action=document.create%00',
    '/api/v1/registers/ofa%00dmtf',
    '/api/v1/organizations/dmtf%00/ipr-policy',
    '/api/v1/organizations/dmtf/documents/DSP%000266',
  ];
  for (const path of reads) {
    it(`GET ${path} answers 400, anonymous and signed in`, async () => {
      for (const client of [new TestClient(api.url), dmtfEditor]) {
        const answer = await expectUnchanged(api, () => send(client, 'GET', path));
        expectError(answer, 400, 'invalid_input');
      }
    });
  }

  it('a "\\u0000" in a JSON field adds no document, anonymous and signed in', async () => {
    for (const client of [new TestClient(api.url), dmtfEditor]) {
      const answer = await expectUnchanged(api, () =>
        sendJson(client, 'POST', '/api/v1/documents', {
          ...validDocument,
          identifier: 'DSP-NUL',
          title: 'Before\u0000after',
        }),
      );
      expectError(answer, 400, 'invalid_input');
    }
  });

  it('a "\\u0000" in a JSON key or a nested value changes no document', async () => {
    for (const body of [{ 'title\u0000': 'x' }, { registers: ['dmtf\u0000'] }]) {
      const answer = await expectUnchanged(api, () =>
        sendJson(dmtfEditor, 'PATCH', `/api/v1/documents/${documentId}`, body),
      );
      expectError(answer, 400, 'invalid_input');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

describe('downloads with a bad Range header', () => {
  const download = (range: string) =>
    dmtfEditor
      .fetch(`/api/v1/documents/${documentId}/versions/${versionId}/content`, {
        headers: { range },
      })
      .then(answerOf);

  // As S3 and nginx do: a Range header that is not a byte range is ignored (RFC 9110 §14.2).
  const malformed = ['bytes=abc', 'bytes=zz-1', 'bytes=', 'bytes=9-2', 'bytes=5-2', 'bytes=-'];
  for (const range of [...malformed, 'items=0-1', 'bytes=0-1,x']) {
    it(`a malformed Range '${range}' is ignored: the whole file, 200`, async () => {
      const answer = await download(range);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(existingContent);
      expect(answer.headers['content-range']).toBeUndefined();
    });
  }

  const size = existingContent.length;
  for (const range of [`bytes=${size}-`, `bytes=${size}-${size + 100}`, 'bytes=-0']) {
    it(`an unsatisfiable Range '${range}' (of a ${size}-byte file) records no download`, async () => {
      const answer = await expectUnchanged(api, () => download(range));
      expectError(answer, 416, 'range_not_satisfiable');
      expect(answer.headers['content-range']).toBe(`bytes */${size}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The upload size limit, on an API of its own with a 1 MiB limit
// ---------------------------------------------------------------------------------------------

describe('the upload size limit (MAX_UPLOAD_BYTES = 1 MiB)', () => {
  const LIMIT = 1024 * 1024;
  let limited: RunningApi;
  let editor: TestClient;
  let limitedDocumentId: string;

  beforeAll(async () => {
    limited = await startApi({
      S3_BUCKET: uniqueBucket('bad-input-limit'),
      MAX_UPLOAD_BYTES: String(LIMIT),
    });
    editor = await TestClient.signIn(limited.url, 'editor@dmtf.example');
    const created = await editor.json<{ id: string }>('POST', '/api/v1/documents', validDocument);
    expect(created.status).toBe(201);
    limitedDocumentId = created.body.id;
  });

  afterAll(async () => {
    await limited?.close();
  });

  it('a file one byte over the limit is not stored and adds no version (413)', async () => {
    const answer = await expectUnchanged(limited, () =>
      uploadForm(editor, limitedDocumentId, [
        label('1.0'),
        file('over.pdf', pseudoRandomBytes(LIMIT + 1, 5)),
      ]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('a body declared far over the limit is refused before it is read, storing nothing (413)', async () => {
    const answer = await expectUnchanged(limited, () =>
      uploadForm(editor, limitedDocumentId, [
        label('1.0'),
        file('huge.pdf', pseudoRandomBytes(3 * LIMIT, 6)),
      ]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('a file of exactly the limit is stored as one new version (201), and nothing else changes', async () => {
    const content = pseudoRandomBytes(LIMIT, 9);
    const before = await snapshot(limited);
    const answer = await uploadForm(editor, limitedDocumentId, [
      label('1.0'),
      file('exact.pdf', content),
    ]);
    expect(answer.status).toBe(201);
    const version = answer.body as { id: string; size: number; sha256: string };
    expect(version.size).toBe(LIMIT);
    const after = await snapshot(limited);
    expect(after.tables.document_versions?.rows).toBe(before.tables.document_versions!.rows + 1);
    expect(after.objects).toEqual([
      ...before.objects,
      expect.stringMatching(new RegExp(`^documents/${limitedDocumentId}/${version.id} ${LIMIT} `)),
    ]);
    // The upload adds exactly its version row and its audit event and touches the document's
    // updated_at; everything else is as it was.
    expect(after.tables.audit_events?.rows).toBe(before.tables.audit_events!.rows + 1);
    expect(after.tables.documents?.rows).toBe(before.tables.documents!.rows);
    for (const table of Object.keys(before.tables)) {
      if (['document_versions', 'audit_events', 'documents'].includes(table)) continue;
      expect({ table, state: after.tables[table] }).toEqual({ table, state: before.tables[table] });
    }
  });
});
