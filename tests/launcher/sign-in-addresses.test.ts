import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createTempDataDir } from '@liaison/embedded-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, type Launch, launch, type Ports } from './launch.js';

// Two browsers on two loopback addresses (Linux routes all of 127.0.0.0/8 locally), signing in
// through the web app as `npm start` runs it; the web server itself calls the API from 127.0.0.1.
const BROWSER_A = '127.0.0.5';
const BROWSER_B = '127.0.0.6';
const PASSWORD = 'liaison-demo';

let ports: Ports;
let dataDir: string;
let portal: Launch;

beforeAll(async () => {
  ports = await freePorts();
  dataDir = await createTempDataDir('liaison-sign-in-addresses');
  portal = launch(dataDir, ports);
  await portal.ready;
});

afterAll(async () => {
  if (portal.process.exitCode === null) {
    portal.process.kill('SIGINT');
    await portal.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to the web app from the browser at `from`. */
function fromBrowser(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: ports.web,
        localAddress: from,
        method,
        path,
        headers: { host: `localhost:${ports.web}`, ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A password sign-in on /login/ofa; answers where next-auth sends the browser next. */
async function signInThroughWeb(
  from: string,
  email: string,
  password: string,
  extraHeaders: Record<string, string> = {},
): Promise<string> {
  const csrf = await fromBrowser(from, 'GET', '/api/auth/csrf');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookies = ([] as string[])
    .concat(csrf.headers['set-cookie'] ?? [])
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
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
  const api = `http://127.0.0.1:${ports.api}`;
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
