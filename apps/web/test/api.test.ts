import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBaseUrl, DEFAULT_API_URL, listOrganizations, listRegisters } from '../lib/api';

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

// One real HTTP server; the first path segment picks how it misbehaves.
let server: Server;
let origin: string;
const seen: { url: string | undefined; accept: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, accept: req.headers.accept });
    const [, scenario, ...rest] = (req.url ?? '').split('/');
    const path = `/${rest.join('/')}`;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    switch (scenario) {
      case 'ok':
        if (path === '/api/v1/organizations') return json(200, organizations);
        if (path === '/api/v1/registers') return json(200, registers);
        return json(404, { error: { code: 'not_found', message: 'No such route' } });
      case 'error500':
        return json(500, { error: { code: 'internal', message: 'database unavailable' } });
      case 'plain503':
        res.writeHead(503, { 'content-type': 'text/html' });
        return res.end('<h1>Service Unavailable</h1>');
      case 'notjson':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"items": [');
      case 'noitems':
        return json(200, { organizations: [] });
      case 'malformed':
        return json(200, { items: [organizations.items[0], { slug: 'x', name: 42 }] });
      case 'badparty':
        return json(200, {
          items: [{ ...registers.items[0], parties: [{ organization: 'ofa' }] }],
        });
      case 'hangup':
        return req.socket.destroy();
      case 'slow':
        return; // never answers
      default:
        return json(404, {});
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

describe('apiBaseUrl', () => {
  it('defaults to the local API', () => {
    expect(apiBaseUrl({})).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl({ LIAISON_API_URL: '  ' })).toBe(DEFAULT_API_URL);
  });

  it('uses LIAISON_API_URL without trailing slashes', () => {
    expect(apiBaseUrl({ LIAISON_API_URL: 'http://api:4000/' })).toBe('http://api:4000');
    expect(apiBaseUrl({ LIAISON_API_URL: ' https://liaison.example/base// ' })).toBe(
      'https://liaison.example/base',
    );
  });
});

describe('list helpers against a real HTTP server', () => {
  it('return the items of a 2xx JSON answer', async () => {
    await expect(listOrganizations({ baseUrl: `${origin}/ok/` })).resolves.toEqual({
      ok: true,
      data: organizations.items,
    });
    await expect(listRegisters({ baseUrl: `${origin}/ok` })).resolves.toEqual({
      ok: true,
      data: registers.items,
    });
    expect(seen).toContainEqual({ url: '/ok/api/v1/registers', accept: 'application/json' });
  });

  it('report a non-2xx answer with its status and the JSON error message', async () => {
    const result = await listOrganizations({ baseUrl: `${origin}/error500` });
    expect(result).toEqual({
      ok: false,
      baseUrl: `${origin}/error500`,
      error: {
        kind: 'http',
        status: 500,
        message: 'GET /api/v1/organizations answered HTTP 500: database unavailable',
      },
    });
  });

  it('report a non-2xx answer that has no JSON body', async () => {
    const result = await listRegisters({ baseUrl: `${origin}/plain503` });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 503, message: 'GET /api/v1/registers answered HTTP 503' },
    });
  });

  it.each([
    ['notjson', 'did not answer with valid JSON'],
    ['noitems', 'answered without an "items" array'],
    ['malformed', 'answered a malformed item at index 1'],
  ])('reject a 2xx answer with an unexpected body (%s)', async (scenario, message) => {
    const result = await listOrganizations({ baseUrl: `${origin}/${scenario}` });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: `GET /api/v1/organizations ${message}` },
    });
  });

  it('reject a register whose parties are malformed', async () => {
    const result = await listRegisters({ baseUrl: `${origin}/badparty` });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('report a connection the server drops as unreachable', async () => {
    const result = await listOrganizations({ baseUrl: `${origin}/hangup` });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: expect.stringContaining('GET /api/v1/organizations') },
    });
  });

  it('give up on a server that never answers', async () => {
    const started = Date.now();
    const result = await listRegisters({ baseUrl: `${origin}/slow`, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: 'GET /api/v1/registers failed: no answer in time' },
    });
  });

  it('report a port nobody listens on as unreachable', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');

    const result = await listOrganizations({ baseUrl: `http://127.0.0.1:${port}` });
    expect(result).toEqual({
      ok: false,
      baseUrl: `http://127.0.0.1:${port}`,
      error: {
        kind: 'unreachable',
        message: 'GET /api/v1/organizations failed: ECONNREFUSED',
      },
    });
  });
});
