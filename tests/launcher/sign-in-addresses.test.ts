import { describe, expect, it } from 'vitest';
import { cookiesSetBy, requestWeb, usePortal } from './launch.js';

// Two browsers on two loopback addresses (Linux routes all of 127.0.0.0/8 locally), signing in
// through the web app as `npm start` runs it; the web server itself calls the API from 127.0.0.1.
const BROWSER_A = '127.0.0.5';
const BROWSER_B = '127.0.0.6';
const PASSWORD = 'liaison-demo';

const portal = usePortal('liaison-sign-in-addresses');

/** One request to the web app from the browser at `from`. */
const fromBrowser = (
  from: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) => requestWeb(portal.ports.web, { from, method, path, headers, body });

/** A password sign-in on /login/ofa; answers where next-auth sends the browser next. */
async function signInThroughWeb(
  from: string,
  email: string,
  password: string,
  extraHeaders: Record<string, string> = {},
): Promise<string> {
  const csrf = await fromBrowser(from, 'GET', '/api/auth/csrf');
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const cookies = cookiesSetBy(csrf).join('; ');
  const form = new URLSearchParams({ csrfToken, email, password, organization: 'ofa' });
  const answer = await fromBrowser(
    from,
    'POST',
    '/api/auth/callback/credentials',
    { ...extraHeaders, cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    form.toString(),
  );
  expect(answer.status).toBe(302);
  return String(answer.headers.location);
}

async function auditAddresses(actor: string): Promise<string[]> {
  const api = `http://127.0.0.1:${portal.ports.api}`;
  const signedIn = await fetch(`${api}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'operator@liaison.example', password: PASSWORD }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const events = await fetch(`${api}/api/v1/audit?actor=${encodeURIComponent(actor)}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await events.json()) as { items: { address: string }[] };
  return items.map((event) => event.address);
}

describe('sign-ins through the web app', () => {
  it('are limited per browser address, which no header a browser sends can change', async () => {
    // Browser A fails 31 times, naming other addresses wherever it can.
    const forged = {
      'x-forwarded-for': '203.0.113.66',
      'x-liaison-browser-address': '203.0.113.67',
      'x-liaison-client-address': '203.0.113.68',
    };
    const outcomes: string[] = [];
    for (let attempt = 0; attempt <= 30; attempt++) {
      const location = await signInThroughWeb(
        BROWSER_A,
        `nobody-${attempt}@nowhere.example`,
        'wrong',
        forged,
      );
      outcomes.push(new URL(location).searchParams.get('error') ?? 'signed-in');
    }
    expect(outcomes.slice(0, 30).every((outcome) => outcome === 'CredentialsSignin')).toBe(true);
    expect(outcomes[30]).toBe('rate-limited');

    // Browser B, behind the same web server, still signs in.
    const location = await signInThroughWeb(BROWSER_B, 'member@ofa.example', PASSWORD);
    expect(new URL(location).searchParams.get('error')).toBe(null);

    expect(await auditAddresses('nobody-0@nowhere.example')).toEqual([BROWSER_A]);
    expect(await auditAddresses('member@ofa.example')).toEqual([BROWSER_B]);
  });
});
