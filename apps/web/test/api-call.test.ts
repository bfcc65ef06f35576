import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, withQuery } from '../lib/api-call';

let server: Server;
let origin: string;
let last: { method?: string; url?: string; authorization?: string; body: string } | null = null;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    last = {
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization,
      body: await bodyOf(req),
    };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '').split('?')[0];
    if (path === '/ok') return json(200, { items: [1, 2] });
    if (path === '/created') return json(201, { id: 'x' });
    if (path === '/gone') {
      res.writeHead(204);
      return res.end();
    }
    if (path === '/conflict') {
      return json(409, { error: { code: 'last_admin', message: 'The last admin stays' } });
    }
    if (path === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    }
    if (path === '/broken') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"items":');
    }
    if (path === '/slow') return;
    return json(404, { error: { code: 'not_found', message: `No route for GET ${path}` } });
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

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(withQuery('/x', { a: 'b c', empty: '', none: undefined, nil: null, n: 0 })).toBe(
      '/x?a=b+c&n=0',
    );
    expect(withQuery('/x', {})).toBe('/x');
  });
});

describe('callApi', () => {
  it('sends the bearer token and answers typed JSON', async () => {
    const answer = await callApi<{ items: number[] }>(`${origin}/`, 'secret', '/ok', {
      query: { limit: 5, cursor: undefined },
    });
    expect(answer).toEqual({ ok: true, status: 200, data: { items: [1, 2] } });
    expect(last).toMatchObject({
      method: 'GET',
      url: '/ok?limit=5',
      authorization: 'Bearer secret',
    });
  });

  it('sends no authorization header for anonymous calls', async () => {
    await callApi(origin, null, '/ok');
    expect(last?.authorization).toBeUndefined();
  });

  it('posts JSON bodies', async () => {
    const answer = await callApi(origin, 't', '/created', { method: 'POST', body: { name: 'n' } });
    expect(answer).toEqual({ ok: true, status: 201, data: { id: 'x' } });
    expect(last).toMatchObject({ method: 'POST', body: '{"name":"n"}' });
  });

  it('answers 204 without data', async () => {
    const answer = await callApi(origin, 't', '/gone', { method: 'DELETE' });
    expect(answer).toEqual({ ok: true, status: 204, data: undefined });
  });

  it('passes on the API’s error code and message', async () => {
    const answer = await callApi(origin, 't', '/conflict', { method: 'PATCH', body: {} });
    expect(answer).toEqual({
      ok: false,
      error: { status: 409, code: 'last_admin', message: 'The last admin stays' },
    });
  });

  it('explains errors that have no JSON body by their status', async () => {
    const answer = await callApi(origin, 't', '/html');
    expect(answer).toMatchObject({ ok: false, error: { status: 502, code: 'internal_error' } });
  });

  it('reports a 2xx answer that is not JSON', async () => {
    const answer = await callApi(origin, 't', '/broken');
    expect(answer).toMatchObject({ ok: false, error: { status: 200, code: 'invalid_response' } });
  });

  it('reports timeouts and unreachable servers with status 0', async () => {
    expect(await callApi(origin, 't', '/slow', { timeoutMs: 150 })).toMatchObject({
      ok: false,
      error: { status: 0, code: 'timeout' },
    });
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    expect(await callApi(`http://127.0.0.1:${port}`, 't', '/ok')).toMatchObject({
      ok: false,
      error: { status: 0, code: 'unreachable' },
    });
  });
});
