import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, enqueueMail, type Pool } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../apps/api/test/smtp-server.js';
import { repoRoot } from '../launcher/launch.js';
import { type Cluster, startCluster } from './cluster.js';
import {
  LOCKED_BY_THE_LIMITER_TEST,
  type LoadTargets,
  runLoad,
  sha256,
  signIn,
  uploadForm,
} from './workload.js';

// Two API and two web processes behind nginx on one PostgreSQL and one S3 store: what holds for
// one replica holds across them, and a rolling restart under load loses no request.

let cluster: Cluster;
let smtp: TestSmtpServer;
let pool: Pool;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createDocument(baseUrl: string, token: string): Promise<string> {
  const identifier = `SCALE-${randomBytes(4).toString('hex')}`;
  const response = await fetch(`${baseUrl}/api/v1/documents`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({
      identifier,
      title: `Document ${identifier}`,
      abstract: 'For the scale-out test',
      status: 'work-in-progress',
      visibility: 'organization',
      registers: [],
      organization: 'ofa',
      // The test's files are stand-ins, not PDFs that could be stamped.
      watermark: false,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function upload(
  baseUrl: string,
  token: string,
  documentId: string,
  label: string,
  content: Uint8Array,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/documents/${documentId}/versions`, {
    method: 'POST',
    headers: bearer(token),
    body: uploadForm(label, content),
  });
  const body = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function download(baseUrl: string, token: string, documentId: string, versionId: string) {
  const response = await fetch(
    `${baseUrl}/api/v1/documents/${documentId}/versions/${versionId}/content`,
    { headers: bearer(token) },
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const status = async (url: string, init: RequestInit = {}) => {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
};

/**
 * The status of a request to one replica about a change just made on the other: a replica drops
 * the callers it has cached when the commit's notification reaches it, about a millisecond after
 * the commit (README, "The caller cache"), so a request sent at once may still be answered as
 * before. Asks again, a little later each time, until the answer is `expected` or a second passes.
 */
async function statusOnceHeard(url: string, init: RequestInit, expected: number) {
  let answered = await status(url, init);
  for (let tries = 0; answered !== expected && tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    answered = await status(url, init);
  }
  return answered;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  cluster = await startCluster({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  pool = createPool(cluster.stack.env.DATABASE_URL);
});

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
  await smtp?.close();
});

describe('two API and two web replicas behind nginx', () => {
  it('downloads through one replica, byte for byte, a version uploaded through the other', async () => {
    const [a, b] = cluster.apis;
    const token = await signIn(a.url, 'editor@ofa.example');
    const documentId = await createDocument(a.url, token);
    const content = randomBytes(12 * 1024 * 1024);
    const versionId = await upload(a.url, token, documentId, '1.0', content);
    expect(sha256(await download(b.url, token, documentId, versionId))).toBe(sha256(content));
    expect(sha256(await download(cluster.apiUrl, token, documentId, versionId))).toBe(
      sha256(content),
    );
  });

  it('counts failed sign-ins across replicas', async () => {
    const [a, b] = cluster.apis;
    const attempt = (url: string, password: string) =>
      status(`${url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: LOCKED_BY_THE_LIMITER_TEST, password }),
      });
    // Five wrong passwords, alternating: each replica saw at most three.
    for (let i = 0; i < 5; i += 1) expect(await attempt((i % 2 ? b : a).url, 'wrong')).toBe(401);
    expect(await attempt(a.url, 'liaison-demo')).toBe(429);
    expect(await attempt(b.url, 'liaison-demo')).toBe(429);
  });

  it('ends a session signed out on one replica, and a revoked API token, on the other', async () => {
    const [a, b] = cluster.apis;
    const session = await signIn(a.url, 'admin@ofa.example');
    expect(await status(`${b.url}/api/v1/me`, { headers: bearer(session) })).toBe(200);

    const created = await fetch(`${a.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { ...bearer(session), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'scale-out test' }),
    });
    expect(created.status).toBe(201);
    const apiToken = (await created.json()) as { id: string; token: string };
    expect(await status(`${b.url}/api/v1/me`, { headers: bearer(apiToken.token) })).toBe(200);
    expect(
      await status(`${a.url}/api/v1/tokens/${apiToken.id}`, {
        method: 'DELETE',
        headers: bearer(session),
      }),
    ).toBe(204);
    expect(
      await statusOnceHeard(`${b.url}/api/v1/me`, { headers: bearer(apiToken.token) }, 401),
    ).toBe(401);

    expect(
      await status(`${b.url}/api/v1/auth/sign-out`, { method: 'POST', headers: bearer(session) }),
    ).toBe(204);
    expect(await statusOnceHeard(`${a.url}/api/v1/me`, { headers: bearer(session) }, 401)).toBe(
      401,
    );
  });

  it('delivers every queued mail exactly once although both replicas run the worker', async () => {
    const subjects = Array.from(
      { length: 40 },
      (_, i) => `Scale-out mail ${i} ${randomBytes(3).toString('hex')}`,
    );
    for (const subject of subjects) {
      await enqueueMail(pool, {
        kind: 'scale-out.test',
        recipients: ['someone@example.org'],
        subject,
        text: 'Sent once, whichever replica takes it.',
      });
    }
    const pending = async () =>
      (
        await pool.query<{ count: number }>(
          `select count(*)::int as count from mail_outbox where subject = any($1) and sent_at is null`,
          [subjects],
        )
      ).rows[0]!.count;
    while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    // A second delivery of a mail would come from the other replica's worker right after the
    // first: give it a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const received = smtp.received.map((mail) => mail.subject).filter((s) => subjects.includes(s));
    expect(received.sort()).toEqual([...subjects].sort());
  });

  it("keeps an upload in flight on one replica while the other's reaper runs", async () => {
    const [a, b] = cluster.apis;
    const token = await signIn(a.url, 'editor@ofa.example');
    const documentId = await createDocument(a.url, token);
    // Large enough for a multipart upload to the store; the body is sent in two halves.
    const content = randomBytes(20 * 1024 * 1024);
    const boundary = `----scale${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\n2.0\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const request = http.request(`${a.url}/api/v1/documents/${documentId}/versions`, {
      method: 'POST',
      agent: false,
      headers: {
        ...bearer(token),
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': body.length,
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      });
    });
    await new Promise<void>((resolve) =>
      request.write(body.subarray(0, body.length / 2), () => resolve()),
    );

    // The other replica restarts (its reaper runs at start-up), and the reaper runs by hand too.
    await b.restart();
    const reap = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'apps/api/dist/reap.js'), '--json'],
      { env: { PATH: process.env.PATH ?? '', ...cluster.apiEnv } },
    );
    expect(JSON.parse(reap.stdout)).toMatchObject({ deleted: [] });

    request.end(body.subarray(body.length / 2));
    expect(await answered).toBe(201);
    const { rows } = await pool.query<{ id: string }>(
      `select id from document_versions where document_id = $1 and label = '2.0'`,
      [documentId],
    );
    expect(sha256(await download(b.url, token, documentId, rows[0]!.id))).toBe(sha256(content));
  });

  it('loses no request in a rolling restart under load', async () => {
    const token = await signIn(cluster.apiUrl, 'editor@ofa.example');
    const documentId = await createDocument(cluster.apiUrl, token);
    const content = randomBytes(2 * 1024 * 1024);
    const versionId = await upload(cluster.apiUrl, token, documentId, '1.0', content);
    const policy = (await (
      await fetch(`${cluster.apiUrl}/api/v1/organizations/dmtf/ipr-policy`, {
        headers: bearer(token),
      })
    ).json()) as { sha256: string };
    const targets: LoadTargets = {
      apiUrl: cluster.apiUrl,
      webUrl: cluster.webUrl,
      token,
      documentId,
      versionId,
      versionSha256: sha256(content),
      iprSha256: policy.sha256,
    };
    const restarts = (async () => {
      // Load first, then one replica after the other: SIGTERM, wait for its exit, start again.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      for (const replica of cluster.apis) await replica.restart();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    })();
    const report = await runLoad(targets, 6, restarts);
    console.log(
      `rolling restart: ${report.sent} requests sent, ${report.failed} failed, longest ` +
        `${Math.round(report.longestMs)} ms (${JSON.stringify(report.byKind)})`,
    );
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(50);
  });
});
