import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOptions } from '../lib/auth/options';

let server: Server;
const received: { method?: string; url?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.writeHead(204).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  process.env.LIAISON_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.LIAISON_API_URL;
  server.close();
  await once(server, 'close');
});

describe('signing out of the web app', () => {
  const signOut = (token: Partial<JWT>) => {
    const event = authOptions().events?.signOut;
    if (!event) throw new Error('no signOut event');
    return event({ token: token as JWT, session: undefined as never });
  };

  it('ends the API session of its access token', async () => {
    received.length = 0;
    await signOut({ accessToken: 'api-token' });
    expect(received).toEqual([
      { method: 'POST', url: '/api/v1/auth/sign-out', authorization: 'Bearer api-token' },
    ]);
  });

  it('asks nothing of the API for a session without an access token', async () => {
    received.length = 0;
    await signOut({});
    expect(received).toEqual([]);
  });
});
