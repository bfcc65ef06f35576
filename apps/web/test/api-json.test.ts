import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson, getDocument, listDocuments } from '../lib/api';

let server: Server;
let origin: string;
const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body,
      });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/api/v1/documents?released=true')
        return json(200, { items: [], nextCursor: null });
      if (req.url === '/api/v1/documents?broken=1')
        return json(200, { items: [{ id: 1 }], nextCursor: null });
      if (req.method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      if (req.method === 'POST') {
        return json(409, {
          error: { code: 'duplicate_identifier', message: 'ofa already has DSP1' },
        });
      }
      return json(404, { error: { code: 'not_found', message: 'No such document' } });
    });
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

describe('apiJson', () => {
  it('sends JSON with the given token and reads the answer', async () => {
    const result = await apiJson('POST', '/api/v1/documents', {
      baseUrl: origin,
      token: 't1',
      body: { identifier: 'DSP1' },
    });
    expect(result).toEqual({
      ok: false,
      baseUrl: origin,
      error: {
        kind: 'http',
        status: 409,
        code: 'duplicate_identifier',
        detail: 'ofa already has DSP1',
        message: 'POST /api/v1/documents answered HTTP 409: ofa already has DSP1',
      },
    });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/api/v1/documents',
      authorization: 'Bearer t1',
      body: '{"identifier":"DSP1"}',
    });
  });

  it('treats 204 as success with no data, and sends no token when told not to', async () => {
    expect(
      await apiJson('DELETE', '/api/v1/documents/x', { baseUrl: origin, token: null }),
    ).toEqual({
      ok: true,
      data: null,
    });
    expect(seen.at(-1)?.authorization).toBeUndefined();
  });

  it('checks the shape of what it gets', async () => {
    expect(await listDocuments('released=true', { baseUrl: origin, token: null })).toEqual({
      ok: true,
      data: { items: [], nextCursor: null },
    });
    expect(await listDocuments('broken=1', { baseUrl: origin, token: null })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await getDocument('nope', { baseUrl: origin, token: null })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, code: 'not_found' },
    });
  });

  it('reports an API that is not there', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    expect(
      await apiJson('GET', '/api/v1/documents', {
        baseUrl: `http://127.0.0.1:${port}`,
        token: null,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });
});
