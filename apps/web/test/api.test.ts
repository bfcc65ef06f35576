import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiaisonClient } from '@liaison/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiBaseUrl,
  callApi,
  fromApi,
  fromApiAllPages,
  getDocument,
  listDocuments,
  listOrganizations,
  listRegisters,
  type PageQuery,
} from '../lib/api';
import { DEFAULT_API_URL, parseWebConfig } from '../lib/config';
import { closeServer, listenOnLoopback } from './loopback-server';

// The session and the browser being served are Next.js request state; here they are whatever
// the test puts in them.
const session = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('../lib/session', () => ({ getAccessToken: async () => session.token }));
const browser = vi.hoisted(() => ({ headers: {} as Record<string, string> }));
vi.mock('../lib/browser-address', () => ({ callerHeaders: async () => browser.headers }));

const organizations = {
  items: [
    { slug: 'ofa', name: 'OpenFabrics Alliance', description: 'Open-source fabric software' },
  ],
};
const registers = {
  items: [
    {
      slug: 'ofa-dmtf',
      title: 'OFA/DMTF Work Register',
      version: '1.0b',
      state: 'approved',
      initiatedOn: '2018-09-13',
      reviewDue: null,
      parties: [{ organization: 'ofa', name: 'OpenFabrics Alliance' }],
    },
  ],
};

interface Seen {
  method: string | undefined;
  url: string | undefined;
  accept: string | undefined;
  authorization: string | undefined;
  clientAddress: string | undefined;
  body: string;
}

// One real HTTP server; the first path segment picks how it behaves.
let server: Server;
let origin: string;
const seen: Seen[] = [];

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    seen.push({
      method: req.method,
      url: req.url,
      accept: req.headers.accept,
      authorization: req.headers.authorization,
      clientAddress: req.headers['x-liaison-client-address'] as string | undefined,
      body,
    });
    const url = new URL(req.url ?? '/', 'http://x');
    const [, scenario, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    switch (scenario) {
      case 'ok':
        if (path === '/api/v1/organizations') return json(200, organizations);
        if (path === '/api/v1/registers') return json(200, registers);
        if (path === '/api/v1/documents' && url.searchParams.get('released') === 'true') {
          return json(200, { items: [], nextCursor: null });
        }
        if (path === '/created') return json(201, { id: 'x' });
        return json(404, { error: { code: 'not_found', message: 'No such document' } });
      case 'gone':
        res.writeHead(204);
        return res.end();
      case 'conflict':
        return json(409, {
          error: { code: 'duplicate_identifier', message: 'ofa already has DSP1' },
        });
      case 'error500':
        return json(500, { error: { code: 'internal', message: 'database unavailable' } });
      case 'plain503':
        res.writeHead(503, { 'content-type': 'text/html' });
        return res.end('<h1>Service Unavailable</h1>');
      case 'notjson':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"items": [');
      case 'pages': {
        // Three pages of two numbers each; the cursor is the index of the next page.
        const page = Number(url.searchParams.get('cursor') ?? '0');
        if (url.searchParams.get('fail') === String(page)) {
          return json(403, { error: { code: 'forbidden', message: 'Not yours' } });
        }
        return json(200, {
          items: [page * 2, page * 2 + 1],
          nextCursor: page < 2 ? String(page + 1) : null,
        });
      }
      case 'long-error':
        return json(400, { error: { code: 'too_long', message: 'x'.repeat(2_000) } });
      case 'hangup':
        return req.socket.destroy();
      case 'slow':
        return; // never answers
      default:
        return json(404, {});
    }
  });
  origin = await listenOnLoopback(server);
});

afterAll(async () => {
  await closeServer(server);
});

beforeEach(() => {
  session.token = null;
  browser.headers = {};
});

async function closedPort(): Promise<number> {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const { port } = closed.address() as AddressInfo;
  closed.close();
  await once(closed, 'close');
  return port;
}

describe('apiBaseUrl', () => {
  it('defaults to the local API', () => {
    expect(apiBaseUrl(parseWebConfig({}))).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl(parseWebConfig({ LIAISON_API_URL: '  ' }))).toBe(DEFAULT_API_URL);
  });

  it('uses LIAISON_API_URL without trailing slashes', () => {
    expect(apiBaseUrl(parseWebConfig({ LIAISON_API_URL: 'http://api:4000/' }))).toBe(
      'http://api:4000',
    );
    expect(
      apiBaseUrl(parseWebConfig({ LIAISON_API_URL: ' https://liaison.example/base// ' })),
    ).toBe('https://liaison.example/base');
  });
});

describe('callApi against a real HTTP server', () => {
  it('sends the given token and query, and answers the JSON', async () => {
    const answer = await callApi(`/api/v1/registers`, {
      baseUrl: `${origin}/ok/`,
      token: 'secret',
      query: { limit: 5, cursor: undefined, q: '' },
    });
    expect(answer).toEqual({ ok: true, data: registers });
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/ok/api/v1/registers?limit=5',
      accept: 'application/json',
      authorization: 'Bearer secret',
    });
  });

  it('posts JSON bodies', async () => {
    const answer = await callApi('/created', {
      baseUrl: `${origin}/ok`,
      method: 'POST',
      token: 't',
      body: { name: 'n' },
    });
    expect(answer).toEqual({ ok: true, data: { id: 'x' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"name":"n"}' });
  });

  it('answers 204 without data, and sends no token when told not to', async () => {
    const answer = await callApi('/api/v1/documents/x', {
      baseUrl: `${origin}/gone`,
      method: 'DELETE',
      token: null,
    });
    expect(answer).toEqual({ ok: true, data: undefined });
    expect(seen.at(-1)?.authorization).toBeUndefined();
  });

  it('passes on the API’s error code and message', async () => {
    const answer = await callApi('/api/v1/documents', {
      baseUrl: `${origin}/conflict`,
      method: 'POST',
      token: 't1',
      body: { identifier: 'DSP1' },
    });
    expect(answer).toEqual({
      ok: false,
      error: { status: 409, code: 'duplicate_identifier', message: 'ofa already has DSP1' },
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/conflict/api/v1/documents',
      authorization: 'Bearer t1',
      body: '{"identifier":"DSP1"}',
    });
  });

  it('explains errors that have no JSON body by their status', async () => {
    const answer = await callApi('/api/v1/registers', { baseUrl: `${origin}/plain503` });
    expect(answer).toEqual({
      ok: false,
      error: {
        status: 503,
        code: 'internal_error',
        message: 'The Liaison API failed to handle this. Try again in a moment.',
      },
    });
  });

  it('reports a 2xx answer that is not JSON', async () => {
    const answer = await callApi('/api/v1/organizations', { baseUrl: `${origin}/notjson` });
    expect(answer).toMatchObject({ ok: false, error: { status: 200, code: 'invalid_response' } });
  });

  it('reports a dropped connection and a closed port as unreachable', async () => {
    const unreachable = {
      ok: false,
      error: {
        status: 0,
        code: 'unreachable',
        message: 'The Liaison API cannot be reached right now. Try again in a moment.',
      },
    };
    expect(await callApi('/api/v1/organizations', { baseUrl: `${origin}/hangup` })).toEqual(
      unreachable,
    );
    const port = await closedPort();
    expect(await callApi('/api/v1/documents', { baseUrl: `http://127.0.0.1:${port}` })).toEqual(
      unreachable,
    );
  });

  it('cuts a long error message to 500 characters', async () => {
    const answer = await callApi('/api/v1/documents', { baseUrl: `${origin}/long-error` });
    expect(answer).toMatchObject({ ok: false, error: { status: 400, code: 'too_long' } });
    expect(!answer.ok && answer.error.message).toBe('x'.repeat(500));
  });

  it('gives up on a server that never answers', async () => {
    const answer = await callApi('/api/v1/registers', {
      baseUrl: `${origin}/slow`,
      timeoutMs: 150,
    });
    expect(answer).toMatchObject({ ok: false, error: { status: 0, code: 'timeout' } });
  });
});

describe('fromApi', () => {
  it('makes a typed call with the session’s token, for the browser being served', async () => {
    session.token = 'from-cookie';
    browser.headers = { 'x-liaison-client-address': '192.0.2.7', authorization: 'Bearer forged' };
    expect(await fromApi((client) => client.listRegisters(), { baseUrl: `${origin}/ok` })).toEqual({
      ok: true,
      data: registers,
    });
    expect(seen.at(-1)).toMatchObject({
      url: '/ok/api/v1/registers',
      authorization: 'Bearer from-cookie',
      clientAddress: '192.0.2.7',
    });
  });

  it('refuses a call that requires a session without one, without asking the API', async () => {
    const before = seen.length;
    const answer = await fromApi((client) => client.deleteDocument('x'), {
      baseUrl: `${origin}/gone`,
      requireSession: true,
    });
    expect(answer).toMatchObject({ ok: false, error: { status: 401, code: 'unauthenticated' } });
    expect(seen.length).toBe(before);
  });

  it('lets a bug in the call through rather than blame the API', async () => {
    await expect(
      fromApi(async () => {
        throw new TypeError('not the API’s fault');
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('callApi as the session', () => {
  it('sends the session’s token when no token is given', async () => {
    session.token = 'from-cookie';
    await callApi('/api/v1/registers', { baseUrl: `${origin}/ok` });
    expect(seen.at(-1)?.authorization).toBe('Bearer from-cookie');
  });

  it('reads anonymously without a session', async () => {
    expect(await callApi('/api/v1/registers', { baseUrl: `${origin}/ok` })).toMatchObject({
      ok: true,
    });
    expect(seen.at(-1)?.authorization).toBeUndefined();
  });

  it('refuses a mutating call without a session, without asking the API', async () => {
    const before = seen.length;
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      expect(await callApi('/created', { baseUrl: `${origin}/ok`, method, body: {} })).toEqual({
        ok: false,
        error: {
          status: 401,
          code: 'unauthenticated',
          message: 'Your session has expired. Please sign in again.',
        },
      });
    }
    expect(seen.length).toBe(before);
  });
});

/** The test server's pages of numbers, asked for with the generic call. */
function listNumbers(query: Record<string, string | number>) {
  return (client: LiaisonClient, page: PageQuery) =>
    client.request<{ items: number[]; nextCursor: string | null }>('GET', '/list', {
      query: { ...query, ...page },
    });
}

describe('fromApiAllPages', () => {
  it('follows nextCursor to the last page', async () => {
    session.token = 'from-cookie';
    const answer = await fromApiAllPages(listNumbers({ q: 'x' }), {
      baseUrl: `${origin}/pages`,
      pageSize: 2,
    });
    expect(answer).toEqual({ ok: true, data: { items: [0, 1, 2, 3, 4, 5], truncated: false } });
    expect(seen.slice(-3).map((request) => [request.url, request.authorization])).toEqual([
      ['/pages/list?q=x&limit=2', 'Bearer from-cookie'],
      ['/pages/list?q=x&limit=2&cursor=1', 'Bearer from-cookie'],
      ['/pages/list?q=x&limit=2&cursor=2', 'Bearer from-cookie'],
    ]);
  });

  it('stops at maxPages and says the list was truncated', async () => {
    const answer = await fromApiAllPages(listNumbers({}), {
      baseUrl: `${origin}/pages`,
      maxPages: 2,
    });
    expect(answer).toEqual({ ok: true, data: { items: [0, 1, 2, 3], truncated: true } });
  });

  it('answers the first failing page’s error', async () => {
    const answer = await fromApiAllPages(listNumbers({ fail: 1 }), {
      baseUrl: `${origin}/pages`,
    });
    expect(answer).toEqual({
      ok: false,
      error: { status: 403, code: 'forbidden', message: 'Not yours' },
    });
  });
});

describe('typed helpers', () => {
  it('answer the items of a 2xx JSON answer, anonymously by default', async () => {
    session.token = 'from-cookie';
    await expect(listOrganizations({ baseUrl: `${origin}/ok/` })).resolves.toEqual({
      ok: true,
      data: organizations.items,
    });
    await expect(listRegisters({ baseUrl: `${origin}/ok` })).resolves.toEqual({
      ok: true,
      data: registers.items,
    });
    expect(seen.at(-1)).toMatchObject({
      url: '/ok/api/v1/registers',
      accept: 'application/json',
      authorization: undefined,
    });
  });

  it('report a non-2xx answer with its status and the JSON error message', async () => {
    expect(await listOrganizations({ baseUrl: `${origin}/error500` })).toEqual({
      ok: false,
      error: { status: 500, code: 'internal', message: 'database unavailable' },
    });
  });

  it('reject a 2xx answer that is not JSON', async () => {
    for (const list of [listOrganizations, listRegisters]) {
      expect(await list({ baseUrl: `${origin}/notjson` })).toMatchObject({
        ok: false,
        error: { status: 200, code: 'invalid_response' },
      });
    }
  });

  it('list and get documents', async () => {
    const options = { baseUrl: `${origin}/ok`, token: null };
    expect(await listDocuments({ released: true }, options)).toEqual({
      ok: true,
      data: { items: [], nextCursor: null },
    });
    expect(await getDocument('nope', options)).toMatchObject({
      ok: false,
      error: { status: 404, code: 'not_found' },
    });
  });
});
