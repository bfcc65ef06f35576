/**
 * The caller cache (auth/caller-cache.ts) across processes: `writer` and `reader` are two API
 * processes on one database, as replicas are, `uncached` a third with the cache off. Each change is
 * made elsewhere than on the reader (another process, or SQL on another connection), and the
 * reader's next request with a credential it has cached must see it.
 */
import { CALLER_CHANNEL, DOCUMENT_LIST_CHANNEL } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { caughtUp, invalidation, listening } from './notified-caches.js';

let writer: RunningApi;
let reader: RunningApi;
let uncached: RunningApi;
/** An organization-only DMTF document: 200 for DMTF's members, 404 for others, 401 when refused. */
let dmtfDocument: string;

beforeAll(async () => {
  writer = await startApi();
  const sameDatabase = { DATABASE_URL: writer.config.databaseUrl };
  reader = await startApi(sameDatabase);
  uncached = await startApi({ ...sameDatabase, CALLER_CACHE_ENTRIES: '0' });
  const dmtfAdmin = await TestClient.signIn(writer.url, 'admin@dmtf.example');
  ({ id: dmtfDocument } = await createDocument(dmtfAdmin, { organization: 'dmtf' }));
  await listening(reader.app.callerCache);
});

afterAll(async () => {
  await uncached?.close();
  await reader?.close();
  await writer?.close();
});

const callers = () => reader.app.callerCache;

/** The status of `client`'s credential's request for the DMTF document on `api`. */
async function statusOn(api: RunningApi, client: TestClient): Promise<number> {
  const response = await new TestClient(api.url, client.token).fetch(
    `/api/v1/documents/${dmtfDocument}`,
  );
  await response.arrayBuffer();
  return response.status;
}

/**
 * The statuses of the clients' requests on the reader, once the reader has heard every change
 * committed so far, so that their callers are cached now and only what the test does next can drop
 * them. (Waiting for the notifications empties the cache: call this once, before caching.)
 */
async function cachedStatuses(...clients: TestClient[]): Promise<number[]> {
  await caughtUp(callers(), writer.pool, CALLER_CHANNEL);
  const statuses = [];
  for (const client of clients) {
    await statusOn(reader, client);
    statuses.push(await statusOn(reader, client));
  }
  return statuses;
}

/** Makes `change` and waits until the reader's callers are dropped for `table`. */
async function heard(table: string, change: () => Promise<unknown>): Promise<void> {
  const dropped = invalidation(callers(), table);
  await change();
  await dropped;
}

/** Runs `sql` without the triggers, as if the reader were never told. */
async function unheard(sql: string, values: unknown[]): Promise<void> {
  const client = await writer.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(sql, values);
    await client.query('commit');
  } finally {
    client.release();
  }
}

/** A new personal API token of the person `client` signs in as, for use on any process. */
async function apiToken(client: TestClient): Promise<{ id: string; client: TestClient }> {
  const created = await client.json<{ id: string; token: string }>('POST', '/api/v1/tokens', {
    name: 'caller cache',
  });
  expect(created.status).toBe(201);
  return { id: created.body.id, client: new TestClient(writer.url, created.body.token) };
}

const userOf = `(select id from users where email = $1)`;

describe('the caller cache', () => {
  it('answers from the cache until a change is heard, and a token\'s "last used" time does not drop it', async () => {
    const token = await apiToken(await TestClient.signIn(writer.url, 'member@dmtf.example'));
    // The first use caches the caller, then writes "last used": that alone must not drop it.
    await caughtUp(callers(), writer.pool, CALLER_CHANNEL);
    expect(await statusOn(reader, token.client)).toBe(200);
    const { rows } = await writer.pool.query('select last_used_at from api_tokens where id = $1', [
      token.id,
    ]);
    expect(rows[0].last_used_at).not.toBeNull();
    // Notifications reach a listener in commit order whatever their channel: once the list cache
    // hears this marker, the reader has heard anything the write of "last used" notified.
    await caughtUp(reader.app.documentListCache, writer.pool, DOCUMENT_LIST_CHANNEL);

    await unheard('update api_tokens set revoked_at = now() where id = $1', [token.id]);
    // Unheard, the revocation does not reach the cached caller: the cache is really in use.
    expect(await statusOn(reader, token.client)).toBe(200);
    expect(await statusOn(uncached, token.client)).toBe(401);

    await heard('api_tokens', () =>
      writer.pool.query('update api_tokens set revoked_at = now() where id = $1', [token.id]),
    );
    expect(await statusOn(reader, token.client)).toBe(401);
  });

  it('refuses a token revoked on another process on the next request', async () => {
    const owner = await TestClient.signIn(writer.url, 'editor@dmtf.example');
    const token = await apiToken(owner);
    expect(await cachedStatuses(token.client)).toEqual([200]);
    await heard('api_tokens', async () => {
      const revoked = await owner.fetch(`/api/v1/tokens/${token.id}`, { method: 'DELETE' });
      expect(revoked.status).toBe(204);
    });
    expect(await statusOn(reader, token.client)).toBe(401);
  });

  it('refuses an access token once its session is signed out on another process or revoked in the database', async () => {
    const signedOut = await TestClient.signIn(writer.url, 'admin@snia.example');
    expect(await cachedStatuses(signedOut)).toEqual([404]);
    await heard('sessions', async () => {
      const response = await signedOut.fetch('/api/v1/auth/sign-out', { method: 'POST' });
      expect(response.status).toBe(204);
    });
    expect(await statusOn(reader, signedOut)).toBe(401);

    const revoked = await TestClient.signIn(writer.url, 'admin@snia.example');
    expect(await cachedStatuses(revoked)).toEqual([404]);
    await heard('sessions', () =>
      writer.pool.query(
        `update sessions set revoked_at = now() where user_id = ${userOf} and revoked_at is null`,
        ['admin@snia.example'],
      ),
    );
    expect(await statusOn(reader, revoked)).toBe(401);
  });

  it('refuses every credential of an account once it is disabled', async () => {
    const session = await TestClient.signIn(writer.url, 'member@snia.example');
    const token = await apiToken(session);
    expect(await cachedStatuses(session, token.client)).toEqual([404, 404]);
    const disable = (disabled: boolean) =>
      heard('users', () =>
        writer.pool.query(
          `update users set disabled_at = case when $2 then now() end where email = $1`,
          ['member@snia.example', disabled],
        ),
      );
    await disable(true);
    try {
      expect(await statusOn(reader, session)).toBe(401);
      expect(await statusOn(reader, token.client)).toBe(401);
    } finally {
      await disable(false);
    }
    expect(await statusOn(reader, session)).toBe(404);
  });

  it('applies a changed role and a removed membership on the next request', async () => {
    const editor = await TestClient.signIn(writer.url, 'editor@dmtf.example');
    const membership = `user_id = ${userOf} and organization_id = (select id from organizations where slug = 'dmtf')`;
    const editable = async () => {
      const response = await new TestClient(reader.url, editor.token).json<{
        permissions: { edit: boolean };
      }>('GET', `/api/v1/documents/${dmtfDocument}`);
      expect(response.status).toBe(200);
      return response.body.permissions.edit;
    };
    const listed = async () => {
      const response = await new TestClient(reader.url, editor.token).json<{
        items: { id: string }[];
      }>('GET', '/api/v1/documents?limit=100');
      expect(response.status).toBe(200);
      return response.body.items.some((item) => item.id === dmtfDocument);
    };
    expect(await cachedStatuses(editor)).toEqual([200]);
    expect(await editable()).toBe(true);

    await heard('memberships', () =>
      writer.pool.query(`update memberships set role = 'member' where ${membership}`, [
        'editor@dmtf.example',
      ]),
    );
    try {
      expect(await editable()).toBe(false);
      expect(await listed()).toBe(true);

      await heard('memberships', () =>
        writer.pool.query(`delete from memberships where ${membership}`, ['editor@dmtf.example']),
      );
      expect(await statusOn(reader, editor)).toBe(404);
      expect(await listed()).toBe(false);
    } finally {
      await heard('memberships', () =>
        writer.pool.query(
          `insert into memberships (user_id, organization_id, role)
           select ${userOf}, id, 'editor' from organizations where slug = 'dmtf'
           on conflict (user_id, organization_id) do update set role = 'editor'`,
          ['editor@dmtf.example'],
        ),
      );
    }
    expect(await editable()).toBe(true);
  });

  it('applies a changed operator flag on the next request', async () => {
    const operator = await TestClient.signIn(writer.url, 'operator@liaison.example');
    const isOperator = async () => {
      const me = await new TestClient(reader.url, operator.token).json<{ operator: boolean }>(
        'GET',
        '/api/v1/me',
      );
      expect(me.status).toBe(200);
      return me.body.operator;
    };
    await caughtUp(callers(), writer.pool, CALLER_CHANNEL);
    expect(await isOperator()).toBe(true);
    const setOperator = (operator: boolean) =>
      heard('users', () =>
        writer.pool.query('update users set is_operator = $2 where email = $1', [
          'operator@liaison.example',
          operator,
        ]),
      );
    await setOperator(false);
    try {
      expect(await isOperator()).toBe(false);
    } finally {
      await setOperator(true);
    }
    expect(await isOperator()).toBe(true);
  });

  it('refuses a cached token or session once it has expired, with no notification', async () => {
    const session = await TestClient.signIn(writer.url, 'admin@dmtf.example');
    const token = await apiToken(session);
    const sessions = `update sessions set expires_at = now() + $2::interval
                       where user_id = ${userOf} and revoked_at is null`;
    const tokens = 'update api_tokens set expires_at = now() + $2::interval where id = $1';
    // Cached with an expiry a minute away...
    await writer.pool.query(sessions, ['admin@dmtf.example', '1 minute']);
    await writer.pool.query(tokens, [token.id, '1 minute']);
    expect(await cachedStatuses(session, token.client)).toEqual([200, 200]);
    // ...after which the database refuses them, unheard: only the cached expiry can tell.
    await unheard(sessions, ['admin@dmtf.example', '-1 second']);
    await unheard(tokens, [token.id, '-1 second']);
    expect(await statusOn(reader, session)).toBe(200);
    expect(await statusOn(reader, token.client)).toBe(200);

    // Two minutes on, by this process's clock (well within the access token's own hour).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60_000 });
    try {
      expect(await statusOn(reader, session)).toBe(401);
      expect(await statusOn(reader, token.client)).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is emptied by a sign-out on its own process before the answer goes out', async () => {
    const client = await TestClient.signIn(reader.url, 'member@ofa.example');
    expect(await cachedStatuses(client)).toEqual([404]);
    let emptied = false;
    const onInvalidated = (source: string) => {
      if (source === 'request') emptied = true;
    };
    callers().on('invalidated', onInvalidated);
    try {
      const response = await client.fetch('/api/v1/auth/sign-out', { method: 'POST' });
      expect(response.status).toBe(204);
      expect(emptied).toBe(true);
    } finally {
      callers().off('invalidated', onInvalidated);
    }
    expect(await statusOn(reader, client)).toBe(401);
  });

  it('keeps no caller while the notifications are not heard', async () => {
    const token = await apiToken(await TestClient.signIn(writer.url, 'editor@snia.example'));
    expect(await cachedStatuses(token.client)).toEqual([404]);
    const lost = invalidation(callers(), 'lost');
    await writer.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'liaison-change-listener' and datname = current_database()`,
    );
    await lost;
    try {
      expect(await statusOn(reader, token.client)).toBe(404);
      await unheard('update api_tokens set revoked_at = now() where id = $1', [token.id]);
      expect(await statusOn(reader, token.client)).toBe(401);
    } finally {
      await listening(callers());
    }
  });
});
