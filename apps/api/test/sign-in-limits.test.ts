import { signClientAddress } from '@liaison/core/server';
import { DEMO_PASSWORD } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../src/services/auth/issue-access-token.js';
import { type RunningApi, startApi } from './helpers.js';

const WEB_SECRET = 'web-client-address-secret-of-32-characters';

// An API of its own: these cases spend sign-in limits, the socket address's among them.
let api: RunningApi;

beforeAll(async () => {
  api = await startApi({ WEB_CLIENT_ADDRESS_SECRET: WEB_SECRET });
});

afterAll(async () => {
  await api.close();
});

/** A sign-in as the web app makes it for the browser at `address` (signed with `secret`). */
async function signIn(
  email: string,
  password: string,
  address?: { address: string; secret?: string },
): Promise<number> {
  const response = await fetch(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(address ? signClientAddress(address.secret ?? WEB_SECRET, address.address) : {}),
    },
    body: JSON.stringify({ email, password }),
  });
  await response.body?.cancel();
  return response.status;
}

/** `count` wrong passwords for as many unknown accounts, one after the other. */
async function failManyTimes(count: number, address?: { address: string; secret?: string }) {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) {
    statuses.push(await signIn(`nobody-${index}@nowhere.example`, 'wrong', address));
  }
  return statuses;
}

async function auditAddresses(email: string, action: string): Promise<string[]> {
  const result = await api.pool.query<{ address: string }>(
    'select address from audit_events where actor_email = $1 and action = $2 order by id',
    [email, action],
  );
  return result.rows.map((row) => row.address);
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('the per-address limit, with browser addresses signed by the web app', () => {
  it('counts failures against the signed address: 40 from A do not lock out B', async () => {
    const statuses = await failManyTimes(40, { address: '198.51.100.1' });
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.perAddress);
    expect(statuses.slice(LOGIN_LIMITS.perAddress).every((status) => status === 429)).toBe(true);
    // A is locked out, even with the right password; B and the web server itself are not.
    expect(await signIn('admin@ofa.example', DEMO_PASSWORD, { address: '198.51.100.1' })).toBe(429);
    expect(await signIn('admin@ofa.example', DEMO_PASSWORD, { address: '198.51.100.2' })).toBe(200);
    expect(await signIn('editor@ofa.example', DEMO_PASSWORD)).toBe(200);
  });

  it('records the signed address in the audit log', async () => {
    expect(await signIn('member@ofa.example', 'wrong', { address: '2001:db8::7' })).toBe(401);
    expect(await signIn('member@ofa.example', DEMO_PASSWORD, { address: '2001:db8::7' })).toBe(200);
    expect(await auditAddresses('member@ofa.example', 'auth.login-failed')).toEqual([
      '2001:db8::7',
    ]);
    expect(await auditAddresses('member@ofa.example', 'auth.login')).toEqual(['2001:db8::7']);
  });

  // Last in this block: afterwards the socket address is locked out for the window.
  it('ignores a forged address: its failures count against the socket address', async () => {
    const forged = { address: '203.0.113.9', secret: 'not-the-web-secret-but-32-characters-long' };
    const statuses = await failManyTimes(40, forged);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.perAddress);
    // The socket's own address is spent; the forged one is not.
    expect(await signIn('admin@dmtf.example', DEMO_PASSWORD)).toBe(429);
    expect(await signIn('admin@dmtf.example', DEMO_PASSWORD, { address: '203.0.113.9' })).toBe(200);
    expect(await auditAddresses('nobody-0@nowhere.example', 'auth.login-failed')).toContain(
      '127.0.0.1',
    );
    expect(await auditAddresses('nobody-0@nowhere.example', 'auth.login-failed')).not.toContain(
      '203.0.113.9',
    );
  });
});

describe('the per-account limit under parallel attempts', () => {
  it('lets at most five of 20 parallel wrong passwords be checked, and then locks the account', async () => {
    const address = { address: '198.51.100.20' };
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => signIn('member@snia.example', 'wrong', address)),
    );
    expect(tally(statuses)).toEqual({ 401: LOGIN_LIMITS.perAccount, 429: 15 });
    expect(await signIn('member@snia.example', DEMO_PASSWORD, address)).toBe(429);
    expect(await auditAddresses('member@snia.example', 'auth.login-failed')).toHaveLength(
      LOGIN_LIMITS.perAccount,
    );
  });

  it('checks one of 20 parallel right passwords for an account at four failures, and clears it', async () => {
    const address = { address: '198.51.100.21' };
    for (let index = 0; index < LOGIN_LIMITS.perAccount - 1; index++) {
      expect(await signIn('editor@snia.example', 'wrong', address)).toBe(401);
    }
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => signIn('editor@snia.example', DEMO_PASSWORD, address)),
    );
    // The fifth attempt in the window is the last one checked; those made meanwhile wait it out.
    expect(tally(statuses)).toEqual({ 200: 1, 429: 19 });
    expect(await auditAddresses('editor@snia.example', 'auth.login')).toHaveLength(1);
    // The success cleared the account's failures: it is not locked.
    expect(await signIn('editor@snia.example', DEMO_PASSWORD, address)).toBe(200);
  });
});
