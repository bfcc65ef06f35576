// The two streaming proxies against a real HTTP server standing in for the API.
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_LENGTH_HEADER } from '../lib/proxy';
import { answerFile, answerJson, params, startFakeApi, streamedUpload } from './fake-api';
import { expectForwardedWhole } from './forwarded-upload';

vi.mock('../lib/session', () => ({ getAccessToken: async () => 'session-token' }));
// The sweep itself is tested in its package; here, that both proxies hand it what they relay.
const swept = vi.hoisted(() => ({ uploads: 0, downloads: 0 }));
vi.mock('@liaison/body-buffers', async (importActual) => {
  const actual = await importActual<typeof import('@liaison/body-buffers')>();
  return {
    ...actual,
    sweepBodyBuffers: (body: Parameters<typeof actual.sweepBodyBuffers>[0]) => {
      swept.uploads += 1;
      actual.sweepBodyBuffers(body);
    },
    sweepWebBody: (body: Parameters<typeof actual.sweepWebBody>[0]) => {
      swept.downloads += 1;
      return actual.sweepWebBody(body);
    },
  };
});

const { POST } = await import('../app/api/upload/[id]/route');
const { GET } = await import('../app/documents/[id]/versions/[versionId]/download/route');
const { GET: GET_ZIP } = await import('../app/registers/[slug]/files.zip/route');

const DOC = '122967c0-bbbe-4449-b6f9-d987cc7ba8e7';
const VERSION = '400be8fa-fec6-4511-9642-bdb6d2df5a3c';
const FILE = Buffer.alloc(3 * 1024 * 1024 + 7, 'x');
const EARLY = '11111111-1111-4111-8111-111111111111';
const SLOW = '22222222-2222-4222-8222-222222222222';
const ENDLESS = '33333333-3333-4333-8333-333333333333';
const closed: boolean[] = [];
let endlessDownloadClosed = false;

const api = startFakeApi({
  intercept(req, res) {
    if (req.method === 'POST' && req.url?.includes(EARLY)) {
      // Refuses at once (as the API does for a taken label), without reading the file.
      res.writeHead(409, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'duplicate_label', message: 'Has 1.0 already' } }));
      return true;
    }
    if (req.method === 'POST' && req.url?.includes(SLOW)) {
      req.on('data', () => {
        req.pause();
        setTimeout(() => req.resume(), 2);
      });
      req.socket.on('close', () => closed.push(req.complete));
      return true;
    }
    if (req.method === 'GET' && req.url?.includes(ENDLESS)) {
      // A file that would go on for ever: only the browser's cancel ends it.
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (res.write(chunk));
      };
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.on('drain', pump);
      req.socket.on('close', () => {
        endlessDownloadClosed = true;
      });
      pump();
      return true;
    }
    return false;
  },
  answer(req, res, { bytes }) {
    if (req.method === 'POST') {
      return answerJson(res, 201, { id: 'v', sha256: 'abc', size: bytes });
    }
    if (
      req.url?.includes('/missing/') ||
      req.url?.includes('00000000-') ||
      req.url?.includes('/hidden-register/')
    ) {
      return answerJson(res, 404, { error: { code: 'not_found', message: 'No such document' } });
    }
    if (req.headers['if-none-match'] === '"e1"') {
      res.writeHead(304, { etag: '"e1"' });
      return res.end();
    }
    const inline = req.url?.endsWith('?inline=1');
    answerFile(req, res, FILE, {
      'content-type': 'application/pdf',
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="a.pdf"`,
      etag: '"e1"',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
  },
});

const upload = (id: string) =>
  streamedUpload(`http://portal.example/api/upload/${id}`, { label: '1.0' }, FILE);

describe('upload proxy route', () => {
  it('streams the multipart body to the API with its length and the session token', async () => {
    api.forget();
    swept.uploads = 0;
    const { request, type, length } = upload(DOC);
    const response = await POST(request, params({ id: DOC }));
    expect(response.status).toBe(201);
    expect(swept.uploads).toBe(1);
    expect(await response.json()).toMatchObject({ size: length });
    const [seen] = api.received;
    expect(seen?.url).toBe(`/api/v1/documents/${DOC}/versions`);
    expectForwardedWhole(seen, { type, length });
  });

  it('gives the API’s early answer without sending the rest of the file', async () => {
    const response = await POST(upload(EARLY).request, params({ id: EARLY }));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'duplicate_label', message: 'Has 1.0 already' },
    });
  });

  it('drops the API request when the browser cancels', async () => {
    const type = 'multipart/form-data; boundary=x';
    const chunk = new Uint8Array(64 * 1024);
    // A body that would go on for ever: only the cancel ends it.
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(chunk),
    });
    const length = 1024 ** 3;
    const cancel = new AbortController();
    const pending = POST(
      new Request(`http://portal.example/api/upload/${SLOW}`, {
        method: 'POST',
        body,
        duplex: 'half',
        signal: cancel.signal,
        headers: { 'content-type': type, 'content-length': String(length) },
      } as RequestInit),
      params({ id: SLOW }),
    );
    setTimeout(() => cancel.abort(), 100);
    expect((await pending).status).toBe(499);
    // The API sees the connection drop once it has read what was already in the socket buffers.
    await vi.waitFor(() => expect(closed).toEqual([false]), { timeout: 20_000 });
  });

  it('refuses cross-site posts, non-multipart bodies and bad ids before calling the API', async () => {
    api.forget();
    const post = (id: string, headers: Record<string, string>) =>
      POST(
        new Request(`http://portal.example/api/upload/${id}`, {
          method: 'POST',
          body: 'x',
          headers,
        }),
        params({ id }),
      );
    const multipartType = 'multipart/form-data; boundary=x';
    expect(
      (await post(DOC, { 'content-type': multipartType, 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect((await post(DOC, { 'content-type': 'application/json' })).status).toBe(415);
    expect((await post('../../admin', { 'content-type': multipartType })).status).toBe(404);
    expect(api.received).toEqual([]);
  });
});

describe('download proxy route', () => {
  const get = (
    path: string,
    headers: Record<string, string> = {},
    ids = { id: DOC, versionId: VERSION },
  ) => GET(new NextRequest(`http://portal.example${path}`, { headers }), params(ids));

  it('streams the file with its headers and the session token', async () => {
    api.forget();
    swept.downloads = 0;
    const response = await get(`/documents/${DOC}/versions/${VERSION}/download`);
    expect(response.status).toBe(200);
    expect(swept.downloads).toBe(1);
    expect(response.headers.get(DOWNLOAD_LENGTH_HEADER)).toBe(String(FILE.length));
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="a.pdf"');
    expect(response.headers.get('content-security-policy')).toMatch(
      /^sandbox;.*frame-ancestors 'none'/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(FILE)).toBe(true);
    expect(api.received[0]?.headers.authorization).toBe('Bearer session-token');
  });

  it('drops the API response when the browser cancels the download', async () => {
    swept.downloads = 0;
    const ids = { id: DOC, versionId: ENDLESS };
    const response = await get(`/documents/${DOC}/versions/${ENDLESS}/download`, {}, ids);
    expect(response.status).toBe(200);
    expect(swept.downloads).toBe(1);
    const reader = response.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    await reader?.cancel();
    await vi.waitFor(() => expect(endlessDownloadClosed).toBe(true), { timeout: 20_000 });
  });

  it('passes ranges, revalidation and the inline preview through', async () => {
    const ranged = await get(`/documents/${DOC}/versions/${VERSION}/download`, {
      range: 'bytes=0-9',
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-9/${FILE.length}`);
    expect((await ranged.arrayBuffer()).byteLength).toBe(10);

    const cached = await get(`/documents/${DOC}/versions/${VERSION}/download?inline=1`, {
      'if-none-match': '"e1"',
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");

    const inline = await get(`/documents/${DOC}/versions/${VERSION}/download?inline=1`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline/);
    expect(inline.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    await inline.body?.cancel();
  });

  it('sends browsers to the not-found page for a hidden or missing file, others a plain 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const ids = { id: missing, versionId: VERSION };
    const path = `/documents/${missing}/versions/${VERSION}/download`;
    const browser = await get(path, { 'sec-fetch-dest': 'document', accept: 'text/html' }, ids);
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(`/documents/${missing}/versions/${VERSION}`);
    const frame = await get(`${path}?inline=1`, { 'sec-fetch-dest': 'iframe' }, ids);
    expect(frame.status).toBe(303);
    const script = await get(path, { accept: '*/*' }, ids);
    expect(script.status).toBe(404);
    expect(await script.text()).toBe('Not found\n');
    const bad = await get(
      '/documents/x/versions/y/download',
      { accept: 'text/html' },
      {
        id: 'x',
        versionId: 'y',
      },
    );
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/documents/x/versions/y');
  });
});

describe('register zip proxy route', () => {
  const get = (slug: string, headers: Record<string, string> = {}) =>
    GET_ZIP(
      new NextRequest(`http://portal.example/registers/${slug}/files.zip`, { headers }),
      params({ slug }),
    );

  it('streams the API’s zip of the register with the session token', async () => {
    api.forget();
    const response = await get('ofa-dmtf');
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(FILE)).toBe(true);
    expect(api.received[0]?.url).toBe('/api/v1/registers/ofa-dmtf/files.zip');
    expect(api.received[0]?.headers.authorization).toBe('Bearer session-token');
  });

  it('answers a register the session may not read, or a bad slug, like a missing one', async () => {
    const hidden = await get('hidden-register', { 'sec-fetch-dest': 'document' });
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get('location')).toBe('/registers/hidden-register');
    api.forget();
    const bad = await get('Not%20A%20Slug', { accept: '*/*' });
    expect(bad.status).toBe(404);
    expect(api.received).toEqual([]);
  });
});
