import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiaisonApiError, LiaisonClient, LiaisonNetworkError } from '../src/index.js';

// How the client itself behaves with servers that misbehave in ways the real API does not: one
// real HTTP server, whose first path segment picks how it answers.

let server: Server;
let origin: string;
const seen: Array<{ url: string | undefined; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url, headers: request.headers });
    const scenario = request.url?.split('/')[1]?.split('?')[0];
    if (scenario === 'echo') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    } else if (scenario === 'not-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"items": [');
    } else if (scenario === 'trickle') {
      // A byte at a time, never idle for long, never done.
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(drip));
    } else if (scenario === 'proxy-error') {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>Bad Gateway</h1>');
    }
    // Anything else is never answered.
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

describe('per-client settings', () => {
  it('sends its extra headers with every call, but its own token and user agent', async () => {
    const client = new LiaisonClient({
      url: origin,
      token: 'the-token',
      userAgent: 'liaison-test',
      headers: {
        'x-liaison-client-address': '192.0.2.7',
        authorization: 'Bearer forged',
        'user-agent': 'forged',
      },
    });
    for (const caller of [client, client.withToken('another-token')]) {
      expect(await caller.request('GET', '/echo')).toEqual({ ok: true });
    }
    expect(seen.slice(-2).map(({ headers }) => headers)).toMatchObject([
      {
        'x-liaison-client-address': '192.0.2.7',
        authorization: 'Bearer the-token',
        'user-agent': 'liaison-test',
      },
      { 'x-liaison-client-address': '192.0.2.7', authorization: 'Bearer another-token' },
    ]);
  });

  it('leaves undefined, null and empty query values out', async () => {
    await new LiaisonClient({ url: origin }).request('GET', '/echo', {
      query: { a: 'b c', empty: '', nil: null, none: undefined, n: 0, f: false },
    });
    expect(seen.at(-1)?.url).toBe('/echo?a=b+c&n=0&f=false');
  });
});

describe('answers that are not what a client can use', () => {
  it('fails a 2xx answer that is not JSON with invalid_response', async () => {
    const error = await new LiaisonClient({ url: origin })
      .request('GET', '/not-json')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiaisonApiError);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('names an error answer without an error body by its status', async () => {
    const error = await new LiaisonClient({ url: origin })
      .request('GET', '/proxy-error')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiaisonApiError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: '502 Bad Gateway' });
  });

  it('gives a call up after timeoutMs in all, even while its answer trickles in', async () => {
    const client = new LiaisonClient({ url: origin, timeoutMs: 300, idleTimeoutMs: 60_000 });
    for (const path of ['/trickle', '/silent']) {
      const error = await client.request('GET', path).catch((caught: unknown) => caught);
      expect(error, path).toBeInstanceOf(LiaisonNetworkError);
      expect(error, path).toMatchObject({ code: 'ETIMEDOUT' });
    }
  });

  it('gives a silent connection up after idleTimeoutMs', async () => {
    const error = await new LiaisonClient({ url: origin, idleTimeoutMs: 200 })
      .request('GET', '/silent')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiaisonNetworkError);
    expect(error).toMatchObject({ code: 'ETIMEDOUT' });
  });
});
