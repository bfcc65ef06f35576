/**
 * A person's own account over HTTP: the password reset by mail (a link that works once, within the
 * hour, and says nothing about which addresses have accounts) and the profile (name, password).
 * What would be lost without these rules: a stranger learning who has an account, an old mail
 * resetting the password again, a thief's session surviving the owner's new password.
 */
import { DEMO_PASSWORD, listOutbox } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorAnswer, TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';

let api: RunningApi;
let anonymous: TestClient;

beforeAll(async () => {
  api = await startApi();
  anonymous = new TestClient(api.url);
});

afterAll(async () => {
  await api?.close();
});

async function resetMails(email: string) {
  return (await listOutbox(api.pool, { kind: 'account.password-reset' })).filter(
    (mail) => mail.recipient === email,
  );
}

function tokenOf(linkPath: string): string {
  const token = /^\/password-reset\/([A-Za-z0-9_-]+)$/.exec(linkPath)?.[1];
  if (!token) throw new Error(`no reset link in ${linkPath}`);
  return token;
}

async function signInStatus(email: string, password: string): Promise<number> {
  const answer = await anonymous.json('POST', '/api/v1/auth/token', { email, password });
  return answer.status;
}

async function passwordHashOf(email: string): Promise<string | null> {
  const { rows } = await api.pool.query<{ password_hash: string | null }>(
    'select password_hash from users where email = $1',
    [email],
  );
  return rows[0]?.password_hash ?? null;
}

const requestReset = (email: string) =>
  anonymous.json<{ message: string }>('POST', '/api/v1/auth/password-reset', { email });
const completeReset = (token: string, password: string) =>
  anonymous.json<ErrorAnswer>('POST', '/api/v1/auth/password-reset/complete', {
    token,
    password,
  });

describe('password reset by mail', () => {
  it('answers an unknown address exactly like a known one, and mails only the account', async () => {
    const known = await requestReset('member@dmtf.example');
    const unknown = await requestReset('nobody@nowhere.example');
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
    expect(await resetMails('member@dmtf.example')).toHaveLength(1);
    expect(await resetMails('nobody@nowhere.example')).toEqual([]);
    const [mail] = await resetMails('member@dmtf.example');
    expect(mail?.subject).toBe('Reset your Liaison password');
    expect(mail?.text).toContain('60 minutes');
  });

  it('sets the new password once; the old one and every session stop working', async () => {
    const email = 'editor@dmtf.example';
    const session = await TestClient.signIn(api.url, email);
    expect((await session.json('GET', '/api/v1/me')).status).toBe(200);
    await requestReset(email);
    const token = tokenOf((await resetMails(email)).at(-1)!.linkPath);

    expect((await completeReset(token, 'a new long password 1')).status).toBe(204);
    expect(await signInStatus(email, 'a new long password 1')).toBe(200);
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(401);
    expect((await session.json('GET', '/api/v1/me')).status).toBe(401);

    const again = await completeReset(token, 'a third long password');
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/used already|expired/);
    expect(await signInStatus(email, 'a new long password 1')).toBe(200);
    const { rows } = await api.pool.query<{ action: string }>(
      `select action from audit_events where actor_email = $1 and action like 'auth.password%' order by id`,
      [email],
    );
    expect(rows.map((row) => row.action)).toEqual([
      'auth.password-reset-request',
      'auth.password-reset',
    ]);
  });

  it('makes an older link useless once a newer one was used', async () => {
    const email = 'member@ofa.example';
    await requestReset(email);
    await requestReset(email);
    const [older, newer] = (await resetMails(email)).map((mail) => tokenOf(mail.linkPath));
    expect((await completeReset(newer!, 'the newer long password')).status).toBe(204);
    expect((await completeReset(older!, 'the older long password')).status).toBe(404);
    expect(await signInStatus(email, 'the newer long password')).toBe(200);
  });

  it('refuses an expired link and changes nothing', async () => {
    const email = 'admin@snia.example';
    await requestReset(email);
    const token = tokenOf((await resetMails(email)).at(-1)!.linkPath);
    await api.pool.query(
      `update password_resets set expires_at = now() - interval '1 second'
        where user_id = (select id from users where email = $1)`,
      [email],
    );
    const before = await passwordHashOf(email);
    expect((await completeReset(token, 'too late for this one')).status).toBe(404);
    expect(await passwordHashOf(email)).toBe(before);
  });

  it('refuses a short password with 400 and keeps the link usable', async () => {
    const email = 'editor@snia.example';
    await requestReset(email);
    const token = tokenOf((await resetMails(email)).at(-1)!.linkPath);
    const before = await passwordHashOf(email);
    const short = await completeReset(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid_input');
    expect(await passwordHashOf(email)).toBe(before);
    expect((await completeReset(token, 'long enough this time')).status).toBe(204);
  });

  it('sends at most three mails an hour to one account, answering every request the same', async () => {
    const email = 'member@snia.example';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await requestReset(email));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await resetMails(email)).toHaveLength(3);
  });

  it('refuses malformed requests with 400 and queues nothing', async () => {
    const before = (await listOutbox(api.pool, { kind: 'account.password-reset' })).length;
    for (const body of [{}, { email: 'x' }, { email: 'member@dmtf.example', extra: 1 }]) {
      const answer = await anonymous.json<ErrorAnswer>('POST', '/api/v1/auth/password-reset', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_input');
    }
    const badToken = await completeReset('not a token!', 'long enough password');
    expect(badToken.status).toBe(400);
    expect((await listOutbox(api.pool, { kind: 'account.password-reset' })).length).toBe(before);
  });
});

describe('profile', () => {
  it('changes the caller’s own name, and nobody else’s', async () => {
    const admin = await TestClient.signIn(api.url, 'admin@dmtf.example');
    const changed = await admin.json<{ name: string; email: string }>('PATCH', '/api/v1/me', {
      name: '  Dana Admin  ',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Dana Admin', email: 'admin@dmtf.example' });
    expect((await admin.json<{ name: string }>('GET', '/api/v1/me')).body.name).toBe('Dana Admin');
    expect((await anonymous.json('PATCH', '/api/v1/me', { name: 'Mallory' })).status).toBe(401);
    const empty = await admin.json<ErrorAnswer>('PATCH', '/api/v1/me', { name: '' });
    expect(empty.status).toBe(400);
    expect((await admin.json<{ name: string }>('GET', '/api/v1/me')).body.name).toBe('Dana Admin');
  });

  it('changes the password given the current one; other sessions end, this one stays', async () => {
    const email = 'admin@ofa.example';
    const here = await TestClient.signIn(api.url, email);
    const elsewhere = await TestClient.signIn(api.url, email);

    const wrong = await here.json<ErrorAnswer>('POST', '/api/v1/me/password', {
      currentPassword: 'not the password',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(200);

    const changed = await here.json<{ signedOutSessions: number }>('POST', '/api/v1/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(200);
    // The two sessions above besides this one: `elsewhere` and the sign-in just checked.
    expect(changed.body.signedOutSessions).toBe(2);
    expect((await here.json('GET', '/api/v1/me')).status).toBe(200);
    expect((await elsewhere.json('GET', '/api/v1/me')).status).toBe(401);
    expect(await signInStatus(email, 'a brand new password')).toBe(200);
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(401);
  });

  it('limits wrong current passwords like failed sign-ins', async () => {
    const email = 'editor@ofa.example';
    const session = await TestClient.signIn(api.url, email);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const answer = await session.json('POST', '/api/v1/me/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'whatever long password',
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    expect(await passwordHashOf(email)).not.toBeNull();
  });
});
