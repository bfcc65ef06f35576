import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-tokens.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi, TEST_AUTH_SECRET } from './helpers.js';

// An API of its own: the rate-limit cases leave failed sign-ins behind for this address.
let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

async function signIn(email: string, password: string) {
  const response = await fetch(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/v1/auth/token', () => {
  it('answers a short-lived access token and who the user is', async () => {
    const before = Date.now();
    const { status, body } = await signIn('Admin@OFA.example', 'liaison-demo');
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      email: 'admin@ofa.example',
      name: 'OFA Admin',
      memberships: [{ organization: 'ofa', role: 'admin' }],
      operator: false,
    });
    expect(typeof body.accessToken).toBe('string');
    const expiresAt = Date.parse(body.expiresAt as string);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(before + 3600_000 + 5_000);
  });

  it('answers an unknown address and a wrong password identically', async () => {
    const unknown = await signIn('nobody@nowhere.example', 'liaison-demo');
    const wrong = await signIn('member@dmtf.example', 'not-the-password');
    expect(unknown).toEqual({
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'Wrong e-mail address or password' } },
    });
    expect(wrong).toEqual(unknown);
  });

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    await signIn('editor@snia.example', 'wrong');
    const operator = await TestClient.signIn(api.url, 'operator@liaison.example');
    const events = await operator.json<{ items: { action: string; actor: string }[] }>(
      'GET',
      '/api/v1/audit?actor=editor@snia.example',
    );
    expect(events.body.items.map((event) => event.action)).toContain('auth.login-failed');
    const logins = await operator.json<{ items: { actor: string }[] }>(
      'GET',
      '/api/v1/audit?action=auth.login',
    );
    expect(logins.body.items.map((event) => event.actor)).toContain('operator@liaison.example');
  });

  it('locks an account after five failures in a row, even for the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn('member@snia.example', `wrong-${attempt}`)).status).toBe(401);
    }
    const locked = await signIn('member@snia.example', 'liaison-demo');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'rate_limited' } });
    // Other accounts are not affected.
    expect((await signIn('member@ofa.example', 'liaison-demo')).status).toBe(200);
  });

  it('refuses wrong types and unknown fields', async () => {
    expect((await signIn(42 as unknown as string, 'x')).status).toBe(400);
    const response = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@ofa.example', password: 'liaison-demo', admin: true }),
    });
    expect(response.status).toBe(400);
  });
});

describe('personal API tokens', () => {
  it('are created with a secret shown once, act as their owner, and stop working when revoked', async () => {
    const editor = await TestClient.signIn(api.url, 'editor@dmtf.example');
    const created = await editor.json<{
      id: string;
      token: string;
      name: string;
      expiresAt: string;
    }>('POST', '/api/v1/tokens', { name: 'CI publishing', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^lia_[\w-]{43}$/);
    expect(Date.parse(created.body.expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const listed = await editor.json<{ items: Record<string, unknown>[] }>('GET', '/api/v1/tokens');
    expect(listed.body.items.map((token) => token.id)).toEqual([created.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const automation = new TestClient(api.url, created.body.token);
    const document = await automation.json<{ organization: string }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-TOKEN-1',
      title: 'Made by a pipeline',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(document.status).toBe(201);
    // The owner's rights, never more: an editor's token cannot release.
    const release = await automation.json('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-TOKEN-2',
      title: 'Released by a pipeline',
      status: 'standard',
      visibility: 'public',
    });
    expect(release.status).toBe(403);
    // Its use is recorded, to the minute.
    const used = await editor.json<{ items: { lastUsedAt: string | null }[] }>(
      'GET',
      '/api/v1/tokens',
    );
    expect(used.body.items[0]?.lastUsedAt).not.toBeNull();

    expect((await editor.json('DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    const afterRevoke = await automation.json<{ error: { code: string } }>(
      'GET',
      '/api/v1/documents',
    );
    expect(afterRevoke.status).toBe(401);
    expect((await editor.json('DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(404);
  });

  it('cannot be listed or revoked by someone else, nor anonymously', async () => {
    const owner = await TestClient.signIn(api.url, 'admin@dmtf.example');
    const other = await TestClient.signIn(api.url, 'admin@ofa.example');
    const created = await owner.json<{ id: string }>('POST', '/api/v1/tokens', { name: 'mine' });
    expect((await other.json('DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(404);
    expect((await other.json<{ items: unknown[] }>('GET', '/api/v1/tokens')).body.items).toEqual(
      [],
    );
    expect((await new TestClient(api.url).json('GET', '/api/v1/tokens')).status).toBe(401);
  });

  it('refuses a made-up token', async () => {
    const fake = new TestClient(api.url, `lia_${'x'.repeat(43)}`);
    expect((await fake.json('GET', '/api/v1/documents')).status).toBe(401);
  });
});

describe('POST /api/v1/auth/sign-out', () => {
  it('ends the session at once: the same access token answers 401, other sessions go on', async () => {
    const leaving = await TestClient.signIn(api.url, 'member@dmtf.example');
    const sameUserElsewhere = await TestClient.signIn(api.url, 'member@dmtf.example');
    const someoneElse = await TestClient.signIn(api.url, 'editor@snia.example');
    expect((await leaving.json('GET', '/api/v1/me')).status).toBe(200);

    const signedOut = await leaving.fetch('/api/v1/auth/sign-out', { method: 'POST' });
    expect(signedOut.status).toBe(204);

    const after = await leaving.json<{ error: { code: string } }>('GET', '/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_ended');
    // Signing out twice is the same as using any other ended session.
    expect((await leaving.fetch('/api/v1/auth/sign-out', { method: 'POST' })).status).toBe(401);
    expect((await sameUserElsewhere.json('GET', '/api/v1/me')).status).toBe(200);
    expect((await someoneElse.json('GET', '/api/v1/me')).status).toBe(200);

    const { rows } = await api.pool.query(
      `select count(*)::int as count from audit_events
        where action = 'auth.sign-out' and actor_email = 'member@dmtf.example'`,
    );
    expect(rows[0].count).toBe(1);
  });

  it('is for a signed-in session: anonymous callers get 401, an API token 400', async () => {
    expect(
      (await new TestClient(api.url).fetch('/api/v1/auth/sign-out', { method: 'POST' })).status,
    ).toBe(401);
    const owner = await TestClient.signIn(api.url, 'editor@snia.example');
    const created = await owner.json<{ token: string }>('POST', '/api/v1/tokens', { name: 'ci' });
    const apiToken = new TestClient(api.url, created.body.token);
    const answer = await apiToken.json<{ error: { code: string } }>(
      'POST',
      '/api/v1/auth/sign-out',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('not_a_session');
    expect((await apiToken.json('GET', '/api/v1/me')).status).toBe(200);
  });

  it('refuses an access token whose session was never recorded', async () => {
    const { rows } = await api.pool.query<{ id: string }>(
      `select id from users where email = 'editor@snia.example'`,
    );
    const forged = await signAccessToken(
      { userId: rows[0]!.id, sessionId: '00000000-0000-4000-8000-000000000000' },
      TEST_AUTH_SECRET,
      new Date(Date.now() + 60_000),
    );
    expect((await new TestClient(api.url, forged).json('GET', '/api/v1/me')).status).toBe(401);
  });
});

describe('failed sign-ins from one address', () => {
  // Last in this file: afterwards this address is locked out for the rest of the window.
  it('are limited across accounts, so guessing through many accounts is slowed down too', async () => {
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 40) {
      attempts++;
      status = (await signIn(`guess-${attempts}@nowhere.example`, 'password')).status;
    }
    expect(status).toBe(429);
    // Everything before the limit was a plain refusal; the limit is 30 failures per window,
    // some of which earlier tests in this file already spent.
    expect(attempts).toBeLessThanOrEqual(30);
    expect((await signIn('admin@dmtf.example', 'liaison-demo')).status).toBe(429);
  });
});
