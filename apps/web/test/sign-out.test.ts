import { createServer, type Server } from 'node:http';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOptions } from '../lib/auth/options';
import { closeServer, listenOnLoopback } from './loopback-server';

let server: Server;
const received: { method?: string; url?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.writeHead(204).end();
  });
  process.env.LIAISON_API_URL = await listenOnLoopback(server);
});

afterAll(async () => {
  delete process.env.LIAISON_API_URL;
  await closeServer(server);
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
