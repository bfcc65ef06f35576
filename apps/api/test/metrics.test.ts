// GET /metrics for the operator's monitoring, and the request id that follows a request into the
// logs (issue 16).
import { Writable } from 'node:stream';
import { enqueueJob, enqueueMail } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';

const METRICS_TOKEN = 'metrics-token-that-is-long-enough-0123';

let api: RunningApi;
let plain: RunningApi;

beforeAll(async () => {
  [api, plain] = await Promise.all([startApi({ METRICS_TOKEN }), startApi()]);
});

afterAll(async () => {
  await Promise.all([api?.close(), plain?.close()]);
});

async function scrape(token = METRICS_TOKEN): Promise<Response> {
  return fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
}

/** The value of one series, e.g. `liaison_uploads_in_flight` or `name{label="x"}`. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('does not exist unless METRICS_TOKEN is set', async () => {
    expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
  });

  it('answers only the configured bearer token', async () => {
    const anonymous = await fetch(`${api.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await scrape('x'.repeat(METRICS_TOKEN.length))).status).toBe(401);
    expect((await scrape(`${METRICS_TOKEN}x`)).status).toBe(401);
    // A personal access token is no metrics token.
    const admin = await TestClient.signIn(api.url, 'admin@ofa.example');
    expect((await admin.fetch('/metrics')).status).toBe(401);
  });

  it('counts requests per route template, the bytes moved, the outbox, the job queue and the pool', async () => {
    const admin = await TestClient.signIn(api.url, 'admin@ofa.example');
    const document = await createDocumentWithVersion(admin, { organization: 'ofa' });
    const content = 'x'.repeat(200_000);
    const upload = await admin.upload(document.id, '2', content, 'big.txt', 'text/plain');
    expect(upload.status).toBe(201);
    const download = await admin.fetch(
      `/api/v1/documents/${document.id}/versions/${upload.body.id}/content`,
    );
    expect((await download.text()).length).toBe(content.length);
    expect((await admin.json('GET', '/api/v1/documents/not-a-uuid')).status).toBe(400);
    await enqueueMail(api.pool, {
      kind: 'metrics.test',
      recipients: ['someone@example.org'],
      subject: 'Counted',
      text: 'A mail waiting in the outbox.',
    });
    await enqueueJob(api.pool, 'metrics-test-task', {}, { maxAttempts: 1 });
    // A job out of attempts, as graphile-worker leaves one after its last failed attempt.
    await api.pool.query(
      `update graphile_worker._private_jobs set attempts = max_attempts, last_error = 'broken'
        where id = (select id from graphile_worker.jobs where task_identifier = 'metrics-test-task')`,
    );

    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(
      seriesValue(
        text,
        'liaison_http_requests_total{method="GET",route="/api/v1/documents/:id",status="400"}',
      ),
    ).toBe(1);
    const contentRoute = '/api/v1/documents/:id/versions/:versionId/content';
    expect(
      seriesValue(text, `liaison_http_sent_bytes_total{route="${contentRoute}"}`),
    ).toBeGreaterThan(content.length);
    const uploadRoute = '/api/v1/documents/:id/versions';
    expect(
      seriesValue(text, `liaison_http_received_bytes_total{route="${uploadRoute}"}`),
    ).toBeGreaterThan(content.length);
    expect(seriesValue(text, 'liaison_uploads_in_flight')).toBe(0);
    expect(seriesValue(text, 'liaison_mail_outbox{kind="metrics.test",state="pending"}')).toBe(1);
    // The mail woke the delivery job: one pending, however many mails.
    expect(seriesValue(text, 'liaison_jobs{task="deliver-mail",state="pending"}')).toBe(1);
    expect(seriesValue(text, 'liaison_jobs{task="metrics-test-task",state="failed"}')).toBe(1);
    expect(seriesValue(text, 'liaison_jobs{task="metrics-test-task",state="pending"}')).toBe(0);
    expect(seriesValue(text, 'liaison_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(seriesValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain(
      `liaison_http_request_duration_seconds_count{method="POST",route="${uploadRoute}",status="201"}`,
    );
    // The raw path of a request is never a label: one series per route, whatever the ids.
    expect(text).not.toContain(document.id);
  });
});

describe('the request id', () => {
  it('comes back on every response: the one sent when it is a plain token, else a new one', async () => {
    const fresh = await fetch(`${api.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${api.url}/api/v1/documents/not-a-uuid`, {
      headers: { 'x-request-id': 'balancer-7f3a.2' },
    });
    expect(given.status).toBe(400);
    expect(given.headers.get('x-request-id')).toBe('balancer-7f3a.2');
    const hostile = await fetch(`${api.url}/healthz`, {
      headers: { 'x-request-id': `${'a'.repeat(129)}` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the request in every log line written for it', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = await buildApp(
      { config: api.config, pool: api.pool, storage: api.storage },
      { level: 'info', stream },
    );
    try {
      const response = await app.inject({
        url: '/api/v1/documents/not-a-uuid',
        headers: { 'x-request-id': 'trace-42' },
      });
      expect(response.statusCode).toBe(400);
    } finally {
      await app.close();
    }
    const ofRequest = lines.filter((line) => 'req' in line || 'res' in line);
    expect(ofRequest.length).toBeGreaterThanOrEqual(2);
    for (const line of ofRequest) expect(line.requestId).toBe('trace-42');
  });
});
