// The submission proxies (new submission upload, file download) against a real HTTP server
// standing in for the API, and the browser half's request body and answer parsing.
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { answerFile, answerJson, params, startFakeApi, streamedUpload } from './fake-api';
import { expectForwardedWhole } from './forwarded-upload';

const session = vi.hoisted(() => ({ token: 'session-token' as string | null }));
vi.mock('../lib/session', () => ({ getAccessToken: async () => session.token }));

const { POST } = await import('../app/api/submissions/route');
const { POST: POST_FILES } = await import('../app/api/submissions/[id]/files/route');
const { GET } = await import('../app/submissions/[id]/files/[fileId]/download/route');
const { readSubmissionAnswer, submissionFormData } = await import('../lib/submission-upload');

const SUBMISSION = '122967c0-bbbe-4449-b6f9-d987cc7ba8e7';
const FILE_ID = '400be8fa-fec6-4511-9642-bdb6d2df5a3c';
const HIDDEN = '00000000-0000-4000-8000-000000000000';
const BYTES = Buffer.alloc(2 * 1024 * 1024 + 3, 'y');

const api = startFakeApi({
  answer(req, res, { bytes }) {
    if (req.method === 'POST') {
      return answerJson(res, 201, { id: SUBMISSION, state: 'submitted', bytes });
    }
    if (req.url?.includes(HIDDEN)) {
      return answerJson(res, 404, { error: { code: 'not_found', message: 'No such submission' } });
    }
    if (!req.headers.authorization) {
      return answerJson(res, 401, { error: { code: 'unauthenticated', message: 'Sign in' } });
    }
    answerFile(req, res, BYTES, {
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="model.bin"',
      etag: '"e1"',
      'accept-ranges': 'bytes',
    });
  },
});

const upload = () =>
  streamedUpload(
    'http://portal.example/api/submissions',
    { register: 'ofa-dmtf', to: 'dmtf', title: 'Model', acceptIpr: 'true' },
    BYTES,
    '----liaison-submission',
  );

describe('new-submission proxy route', () => {
  it('streams the whole multipart body to POST /api/v1/submissions with the session token', async () => {
    api.forget();
    const { request, type, length } = upload();
    const response = await POST(request);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: SUBMISSION, state: 'submitted', bytes: length });
    const [seen] = api.received;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/api/v1/submissions');
    expectForwardedWhole(seen, { type, length });
  });

  it('refuses cross-site posts, other bodies and expired sessions without calling the API', async () => {
    api.forget();
    const post = (headers: Record<string, string>) =>
      POST(
        new Request('http://portal.example/api/submissions', {
          method: 'POST',
          body: 'x',
          headers,
        }),
      );
    const type = 'multipart/form-data; boundary=x';
    const crossSite = await post({ 'content-type': type, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('cross_site');
    expect(
      (await post({ 'content-type': type, origin: 'https://evil.example', host: 'portal.example' }))
        .status,
    ).toBe(403);
    const json = await post({
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
    });
    expect(json.status).toBe(415);
    session.token = null;
    try {
      const expired = await post({ 'content-type': type, 'sec-fetch-site': 'same-origin' });
      expect(expired.status).toBe(401);
      expect((await expired.json()).error.code).toBe('unauthenticated');
    } finally {
      session.token = 'session-token';
    }
    expect(api.received).toEqual([]);
  });
});

describe('added-files proxy route', () => {
  it('streams the body to POST /api/v1/submissions/:id/files with the session token', async () => {
    api.forget();
    const { request, length } = streamedUpload(
      `http://portal.example/api/submissions/${SUBMISSION}/files`,
      { attach: `${FILE_ID}@${FILE_ID}` },
      BYTES,
    );
    const response = await POST_FILES(request, params({ id: SUBMISSION }));
    expect(response.status).toBe(201);
    const [seen] = api.received;
    expect(seen?.url).toBe(`/api/v1/submissions/${SUBMISSION}/files`);
    expect(seen?.headers.authorization).toBe('Bearer session-token');
    expect(seen?.bytes).toBe(length);
  });

  it('answers 404 for an id that is no submission id, without calling the API', async () => {
    api.forget();
    const { request } = streamedUpload('http://portal.example/api/submissions/x/files', {}, BYTES);
    const response = await POST_FILES(request, params({ id: '../documents' }));
    expect(response.status).toBe(404);
    expect(api.received).toEqual([]);
  });
});

describe('submission file download route', () => {
  const get = (id: string, fileId: string, headers: Record<string, string> = {}) =>
    GET(
      new NextRequest(`http://portal.example/submissions/${id}/files/${fileId}/download`, {
        headers,
      }),
      params({ id, fileId }),
    );

  it('streams the file from the API with the session token and safe headers', async () => {
    api.forget();
    const response = await get(SUBMISSION, FILE_ID);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(BYTES)).toBe(true);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="model.bin"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(api.received[0]?.url).toBe(`/api/v1/submissions/${SUBMISSION}/files/${FILE_ID}/content`);
    expect(api.received[0]?.headers.authorization).toBe('Bearer session-token');
  });

  it('passes ranges on', async () => {
    const response = await get(SUBMISSION, FILE_ID, { range: 'bytes=0-9' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-9/${BYTES.length}`);
    expect((await response.arrayBuffer()).byteLength).toBe(10);
  });

  it('answers a file the session may not read like a missing one', async () => {
    const script = await get(HIDDEN, FILE_ID);
    expect(script.status).toBe(404);
    const browser = await get(HIDDEN, FILE_ID, { 'sec-fetch-dest': 'document' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(`/submissions/${HIDDEN}/files/${FILE_ID}`);
    session.token = null;
    try {
      expect((await get(SUBMISSION, FILE_ID)).status).toBe(404);
    } finally {
      session.token = 'session-token';
    }
    api.forget();
    expect((await get('not-a-uuid', FILE_ID)).status).toBe(404);
    expect(api.received).toEqual([]);
  });
});

describe('the browser half', () => {
  it('sends every field before the files, in the order the API reads them, each file after its size', () => {
    const files = [
      new File(['one'], 'one.pdf', { type: 'application/pdf' }),
      new File(['two'], 'two.txt', { type: 'text/plain' }),
    ];
    const form = submissionFormData(
      {
        register: 'ofa-dmtf',
        to: 'dmtf',
        from: 'ofa',
        title: 'Model',
        description: 'About it',
        acceptIpr: true,
        iprPolicySha256: 'a'.repeat(64),
        attach: ['d1@v1', 'd2@v2'],
      },
      files,
    );
    const entries = [...form.entries()].map(([name, value]) => [
      name,
      typeof value === 'string' ? value : `file:${value.name}`,
    ]);
    expect(entries).toEqual([
      ['register', 'ofa-dmtf'],
      ['to', 'dmtf'],
      ['from', 'ofa'],
      ['title', 'Model'],
      ['description', 'About it'],
      ['acceptIpr', 'true'],
      ['iprPolicySha256', 'a'.repeat(64)],
      ['attach', 'd1@v1 d2@v2'],
      ['size', '3'],
      ['file', 'file:one.pdf'],
      ['size', '3'],
      ['file', 'file:two.txt'],
    ]);
  });

  it('reads the API’s answer: the new id, or the error to show', () => {
    expect(readSubmissionAnswer(201, JSON.stringify({ id: SUBMISSION }))).toEqual({
      ok: true,
      id: SUBMISSION,
    });
    expect(
      readSubmissionAnswer(
        409,
        JSON.stringify({ error: { code: 'ipr_policy_changed', message: 'Changed' } }),
      ),
    ).toEqual({
      ok: false,
      aborted: false,
      status: 409,
      code: 'ipr_policy_changed',
      detail: 'Changed',
    });
    expect(readSubmissionAnswer(201, 'not json')).toEqual({
      ok: false,
      aborted: false,
      status: 502,
    });
    expect(readSubmissionAnswer(502, '')).toEqual({ ok: false, aborted: false, status: 502 });
  });
});
