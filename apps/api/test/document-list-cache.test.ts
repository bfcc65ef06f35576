/**
 * The document list cache (services/documents/document-list-cache.ts) across processes: `writer`
 * and `reader` are two API processes on one database, as replicas are; `uncached` a third one with
 * the cache off, whose answers are the truth the cached ones are held to.
 */
import { DOCUMENT_LIST_CHANNEL } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { DEMO_ACTORS, DEMO_ORGANIZATIONS } from './demo-actors.js';
import { createDocument, createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  caughtUp as caughtUpWith,
  invalidation as invalidationOf,
  listening as listeningTo,
} from './notified-caches.js';

let writer: RunningApi;
let reader: RunningApi;
let uncached: RunningApi;
let dmtfAdmin: TestClient;

interface Listed {
  id: string;
  title: string;
  latestVersion: { id: string } | null;
  permissions: { edit: boolean };
}
interface Page {
  items: Listed[];
  restrictedDocumentsExist?: boolean;
}

beforeAll(async () => {
  writer = await startApi();
  const sameDatabase = { DATABASE_URL: writer.config.databaseUrl };
  reader = await startApi(sameDatabase);
  uncached = await startApi({ ...sameDatabase, DOCUMENT_LIST_CACHE_ENTRIES: '0' });
  dmtfAdmin = await TestClient.signIn(writer.url, 'admin@dmtf.example');
  await listening(reader);
});

afterAll(async () => {
  await uncached?.close();
  await reader?.close();
  await writer?.close();
});

const cacheOf = (api: RunningApi) => api.app.documentListCache;

const listening = (api: RunningApi) => listeningTo(cacheOf(api));
const invalidation = (api: RunningApi, source: string) => invalidationOf(cacheOf(api), source);
const caughtUp = (api: RunningApi) =>
  caughtUpWith(cacheOf(api), writer.pool, DOCUMENT_LIST_CHANNEL);

/** The reader's list as `client` (a client of any of the processes) sees it. */
async function listOn(api: RunningApi, client: TestClient, query = 'limit=100'): Promise<Page> {
  const response = await new TestClient(api.url, client.token).json<Page>(
    'GET',
    `/api/v1/documents?${query}`,
  );
  expect(response.status).toBe(200);
  return response.body;
}

const anonymous = new TestClient('http://unused');
const ids = (page: Page) => page.items.map((item) => item.id);
const titleOf = (page: Page, id: string) => page.items.find((item) => item.id === id)?.title;

/** Changes `title` in the database without the triggers (as if no notification came). */
async function retitleUnheard(id: string, title: string) {
  const client = await writer.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query('update documents set title = $2 where id = $1', [id, title]);
    await client.query('commit');
  } finally {
    client.release();
  }
}

/** A new public document titled `title`, once the reader has cached the anonymous list with it. */
async function cachedPublicDocument(title: string): Promise<string> {
  const { id } = await createDocument(dmtfAdmin, {
    organization: 'dmtf',
    status: 'informational',
    visibility: 'public',
    title,
  });
  await caughtUp(reader);
  expect(titleOf(await listOn(reader, anonymous), id)).toBe(title);
  return id;
}

describe('the document list cache', () => {
  it('answers from the cache until a change to the tables is committed', async () => {
    const id = await cachedPublicDocument('Cached title');
    // Unheard, the change does not reach the cached answer: the cache is really in use.
    await retitleUnheard(id, 'Unheard title');
    expect(titleOf(await listOn(reader, anonymous), id)).toBe('Cached title');
    expect(titleOf(await listOn(uncached, anonymous), id)).toBe('Unheard title');

    const heard = invalidation(reader, 'documents');
    await writer.pool.query(`update documents set title = 'Heard title' where id = $1`, [id]);
    await heard;
    expect(titleOf(await listOn(reader, anonymous), id)).toBe('Heard title');
  });

  it("shows another process's creation, visibility change, withdrawal and deletion on the next list", async () => {
    const dmtfMember = await TestClient.signIn(writer.url, 'member@dmtf.example');
    // Each step: the reader caches the answer, the writer changes something, the reader hears it.
    const step = async (table: string, change: () => Promise<unknown>) => {
      await caughtUp(reader);
      await listOn(reader, anonymous);
      await listOn(reader, dmtfMember);
      const heard = invalidation(reader, table);
      await change();
      await heard;
    };

    let document: { id: string; versionId: string } | undefined;
    await step('documents', async () => {
      document = await createDocumentWithVersion(dmtfAdmin, {
        organization: 'dmtf',
        status: 'informational',
        visibility: 'public',
      });
    });
    const { id, versionId } = document!;
    const created = (await listOn(reader, anonymous)).items.find((item) => item.id === id);
    expect(created?.latestVersion?.id).toBe(versionId);

    await step('document_versions', async () => {
      const withdrawn = await dmtfAdmin.json(
        'POST',
        `/api/v1/documents/${id}/versions/${versionId}/withdraw`,
        { reason: 'Superseded' },
      );
      expect(withdrawn.status).toBe(200);
    });
    const afterWithdrawal = (await listOn(reader, anonymous)).items.find((item) => item.id === id);
    expect(afterWithdrawal?.latestVersion).toBeNull();

    await step('documents', async () => {
      const narrowed = await dmtfAdmin.json('PATCH', `/api/v1/documents/${id}`, {
        visibility: 'organization',
      });
      expect(narrowed.status).toBe(200);
    });
    expect(ids(await listOn(reader, anonymous))).not.toContain(id);
    expect(ids(await listOn(reader, dmtfMember))).toContain(id);

    await step('documents', async () => {
      const deleted = await dmtfAdmin.fetch(`/api/v1/documents/${id}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
    });
    expect(ids(await listOn(reader, dmtfMember))).not.toContain(id);
  });

  it("shows a register's new and removed parties, changed in the database, on the next list", async () => {
    const sniaMember = await TestClient.signIn(writer.url, 'member@snia.example');
    const { id } = await createDocument(dmtfAdmin, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    await caughtUp(reader);
    expect(ids(await listOn(reader, sniaMember))).not.toContain(id);

    const joined = invalidation(reader, 'register_parties');
    await writer.pool.query(
      `insert into register_parties (register_id, organization_id)
       select r.id, o.id from work_registers r, organizations o
        where r.slug = 'ofa-dmtf' and o.slug = 'snia'`,
    );
    await joined;
    expect(ids(await listOn(reader, sniaMember))).toContain(id);

    const left = invalidation(reader, 'register_parties');
    await writer.pool.query(
      `delete from register_parties
        where register_id = (select id from work_registers where slug = 'ofa-dmtf')
          and organization_id = (select id from organizations where slug = 'snia')`,
    );
    await left;
    expect(ids(await listOn(reader, sniaMember))).not.toContain(id);
  });

  it("applies a membership's new role on the next list: the role is part of the key", async () => {
    const dmtfEditor = await TestClient.signIn(writer.url, 'editor@dmtf.example');
    const { id } = await createDocument(dmtfAdmin, { organization: 'dmtf' });
    await caughtUp(reader);
    const editable = () =>
      listOn(reader, dmtfEditor).then(
        (page) => page.items.find((item) => item.id === id)?.permissions.edit,
      );
    expect(await editable()).toBe(true);
    const setRole = async (role: string) => {
      // The reader's callers, with their memberships, are dropped when the change is heard.
      const heard = invalidationOf(reader.app.callerCache, 'memberships');
      await writer.pool.query(
        `update memberships set role = $1
          where user_id = (select id from users where email = 'editor@dmtf.example')
            and organization_id = (select id from organizations where slug = 'dmtf')`,
        [role],
      );
      await heard;
    };
    await setRole('member');
    try {
      expect(await editable()).toBe(false);
    } finally {
      await setRole('editor');
    }
    expect(await editable()).toBe(true);
  });

  it('never gives a caller the answer cached for other rights', async () => {
    const clients = new Map<string | null, TestClient>();
    for (const email of DEMO_ACTORS) {
      clients.set(email, email ? await TestClient.signIn(writer.url, email) : anonymous);
    }
    await createDocumentWithVersion(dmtfAdmin, {
      organization: 'dmtf',
      status: 'informational',
      visibility: 'public',
    });
    await createDocument(dmtfAdmin, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    // One of each organization's own, which its admins, editors and members may each do more with.
    for (const organization of DEMO_ORGANIZATIONS) {
      await createDocument(clients.get(`admin@${organization}.example`)!, { organization });
    }
    await caughtUp(reader);

    const truth = new Map<string | null, Page>();
    for (const [email, client] of clients) truth.set(email, await listOn(uncached, client));
    // Every actor here has rights of their own, so every answer differs from every other.
    const distinct = new Set([...truth.values()].map((page) => JSON.stringify(page)));
    expect(distinct.size).toBe(clients.size);

    // Each order, so that every actor asks both before and after the others have been cached.
    for (const order of [[...clients], [...clients].reverse()]) {
      for (const [email, client] of order) {
        expect(await listOn(reader, client), String(email)).toEqual(truth.get(email));
      }
    }
  });

  it('keeps nothing while the notifications are not heard, and drops everything on listening again', async () => {
    const id = await cachedPublicDocument('Before the loss');

    const lost = invalidation(reader, 'lost');
    await writer.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'liaison-change-listener' and datname = current_database()`,
    );
    await lost;
    expect(cacheOf(reader).caching).toBe(false);
    await retitleUnheard(id, 'While not listening');
    expect(titleOf(await listOn(reader, anonymous), id)).toBe('While not listening');
    await retitleUnheard(id, 'Still not heard');
    expect(titleOf(await listOn(reader, anonymous), id)).toBe('Still not heard');

    await listening(reader);
    await retitleUnheard(id, 'Listening again');
    expect(titleOf(await listOn(reader, anonymous), id)).toBe('Listening again');
  });
});
