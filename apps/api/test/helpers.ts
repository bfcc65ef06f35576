import { createHash } from 'node:crypto';
import { createPool, migrate, type Pool, seedDemoData } from '@liaison/db';
import { createScratchDatabase, type StackEnvironment } from '@liaison/embedded-stack';
import { createS3Storage, type S3Storage } from '@liaison/storage';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';

/** The signing secret every API started here uses; tests may sign their own tokens with it. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-at-least-32-characters';

export interface RunningApi {
  url: string;
  /** The Fastify instance, for tests of the process's own life (drain). */
  app: Awaited<ReturnType<typeof buildApp>>;
  /** The configuration the API runs with (database URL, bucket, upload limit, ...). */
  config: Config;
  /** The API's own connection pool to its database, for tests that inspect rows directly. */
  pool: Pool;
  /** The API's own object storage (its bucket), for tests that inspect objects directly. */
  storage: S3Storage;
  close(): Promise<void>;
}

/**
 * Overrides for the API's environment: any of the stack's variables (a database or bucket of
 * the test's own) and any other setting the API reads, such as `MAX_UPLOAD_BYTES`.
 */
export type ApiEnvironment = Partial<StackEnvironment> & Record<string, string | undefined>;

/**
 * Starts the API on a free loopback port against the real PostgreSQL and S3 servers of this test
 * run, with a database of its own, migrated and seeded with the demo data. Its connection pool
 * gives up after 2 s (so an unreachable database shows quickly) unless `options.pool` says else.
 */
export async function startApi(
  stack: ApiEnvironment = {},
  options: { pool?: Parameters<typeof createPool>[1] } = {},
): Promise<RunningApi> {
  const base = inject('stack');
  const database = stack.DATABASE_URL ? undefined : await createScratchDatabase(base.DATABASE_URL);
  const config = loadConfig({
    ...base,
    ...stack,
    ...(database ? { DATABASE_URL: database.url } : {}),
    AUTH_SECRET: TEST_AUTH_SECRET,
    API_HOST: '127.0.0.1',
  });
  const pool = createPool(config.databaseUrl, { connectionTimeoutMillis: 2_000, ...options.pool });
  const storage = createS3Storage(config.s3);
  await migrate(pool);
  await seedDemoData(pool);
  await storage.ensureBucket();
  const app = await buildApp({ config, pool, storage });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    config,
    pool,
    storage,
    async close() {
      await app.close();
      await pool.end();
      storage.close();
      await database?.drop();
    },
  };
}

/** The person's role in the organization, read from the database (null when not a member). */
export async function membershipRole(
  pool: Pool,
  organization: string,
  email: string,
): Promise<string | null> {
  const { rows } = await pool.query<{ role: string }>(
    `select m.role from memberships m join users u on u.id = m.user_id
       join organizations o on o.id = m.organization_id
      where o.slug = $1 and lower(u.email) = lower($2)`,
    [organization, email],
  );
  return rows[0]?.role ?? null;
}

/** The actions the audit trail recorded about an object, oldest first. */
export async function auditActions(pool: Pool, objectId: string): Promise<string[]> {
  const { rows } = await pool.query<{ action: string }>(
    'select action from audit_events where object_id = $1 order by id',
    [objectId],
  );
  return rows.map((row) => row.action);
}

/** One audit event as a test checks it: whose object, acting for which organization, and what. */
export interface AuditedEvent {
  action: string;
  organization: string | null;
  onBehalfOf: string | null;
  details: Record<string, unknown>;
}

/** The events about an object whose action is `similar to` the pattern `action`, oldest first. */
export async function auditEvents(
  pool: Pool,
  objectId: string,
  action: string,
): Promise<AuditedEvent[]> {
  const { rows } = await pool.query<AuditedEvent>(
    `select e.action, o.slug as organization, b.slug as "onBehalfOf", e.details
       from audit_events e
       left join organizations o on o.id = e.organization_id
       left join organizations b on b.id = e.on_behalf_of_id
      where e.object_id = $1 and e.action similar to $2
      order by e.id`,
    [objectId, action],
  );
  return rows;
}

/** The SHA-256 of some content in hex, the form the API reports a file's in. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
