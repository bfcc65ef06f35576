/**
 * `GET /metrics` in the Prometheus text format, for the operator's monitoring: requests and their
 * duration per route and status, bytes received and sent, uploads in flight, the mail outbox's
 * depth and failures per kind, the background job queue's depth and failures per task, the
 * database pool, and the process (memory, CPU, event loop).
 *
 * Not public: it answers only a bearer token equal to METRICS_TOKEN, and is not registered at all
 * (404) when that is unset. Each app has a registry of its own, so several apps in one process
 * (the tests) never mix their figures.
 */
import { timingSafeEqual } from 'node:crypto';
import { jobStateByTask, outboxStateByKind } from '@liaison/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The route's template (`/api/v1/documents/:id`), never the raw path: one series per route. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

function isUpload(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('multipart/form-data');
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface RequestStart {
  at: bigint;
  upload: boolean;
}

/** How many entries of a queue wait (pending) and how many gave up (failed). */
interface QueueDepth {
  pending: number;
  failed: number;
}

/** A gauge of a queue's pending and failed entries per `label`, read at each scrape. */
function queueDepthGauge<Label extends string>(
  registry: Registry,
  gauge: {
    name: string;
    help: string;
    label: Label;
    read: () => Promise<Array<Record<Label, string> & QueueDepth>>;
  },
): void {
  new Gauge<string>({
    name: gauge.name,
    help: gauge.help,
    labelNames: [gauge.label, 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await gauge.read()) {
        const key: string = row[gauge.label];
        this.set({ [gauge.label]: key, state: 'pending' }, row.pending);
        this.set({ [gauge.label]: key, state: 'failed' }, row.failed);
      }
    },
  });
}

export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  if (token === undefined) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'liaison_http_requests_total',
    help: 'HTTP requests answered, per method, route and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'liaison_http_request_duration_seconds',
    help: 'Time from the request to the end of its response, per method, route and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60, 300],
    registers: [registry],
  });
  const received = new Counter({
    name: 'liaison_http_received_bytes_total',
    help: 'Bytes received with requests (uploads among them), per route',
    labelNames: ['route'],
    registers: [registry],
  });
  const sent = new Counter({
    name: 'liaison_http_sent_bytes_total',
    help: 'Bytes sent with responses (downloads among them), per route',
    labelNames: ['route'],
    registers: [registry],
  });
  const uploadsInFlight = new Gauge({
    name: 'liaison_uploads_in_flight',
    help: 'Multipart uploads being received now',
    registers: [registry],
  });
  const pool = app.deps.pool;
  new Gauge({
    name: 'liaison_db_pool_connections',
    help: 'Database pool connections: total, idle, and requests waiting for one',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  queueDepthGauge(registry, {
    name: 'liaison_mail_outbox',
    help: 'Mails in the outbox per kind: waiting to go, and refused for good',
    label: 'kind',
    read: () => outboxStateByKind(pool),
  });
  queueDepthGauge(registry, {
    name: 'liaison_jobs',
    help: 'Background jobs per task: waiting or running (pending), and out of attempts (failed)',
    label: 'task',
    read: () => jobStateByTask(pool),
  });

  // The socket's counters: HTTP/1.1 answers one request at a time per connection, so what moved
  // on it since the previous response ended is this request's (its body may have been read into
  // the socket's buffer before the request's first hook ran).
  const counted = new WeakMap<object, { read: number; written: number }>();
  const started = new WeakMap<FastifyRequest, RequestStart>();
  app.addHook('onRequest', async (request) => {
    const upload = isUpload(request);
    if (upload) uploadsInFlight.inc();
    started.set(request, { at: process.hrtime.bigint(), upload });
  });
  const uploadEnded = (start: RequestStart) => {
    if (!start.upload) return;
    start.upload = false;
    uploadsInFlight.dec();
  };
  app.addHook('onRequestAbort', async (request) => {
    const start = started.get(request);
    if (start) uploadEnded(start);
  });
  app.addHook('onResponse', async (request, reply) => {
    const start = started.get(request);
    if (!start) return;
    uploadEnded(start);
    const route = routeOf(request);
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, Number(process.hrtime.bigint() - start.at) / 1e9);
    const socket = request.raw.socket;
    if (socket) {
      const before = counted.get(socket) ?? { read: 0, written: 0 };
      received.inc({ route }, Math.max(0, socket.bytesRead - before.read));
      sent.inc({ route }, Math.max(0, socket.bytesWritten - before.written));
      counted.set(socket, { read: socket.bytesRead, written: socket.bytesWritten });
    }
  });

  app.get(
    '/metrics',
    { schema: { hide: true }, config: { ownAuthorization: true } },
    async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .send({ error: { code: 'unauthenticated', message: 'The metrics need METRICS_TOKEN' } });
      }
      return reply.header('content-type', registry.contentType).send(await registry.metrics());
    },
  );
}
