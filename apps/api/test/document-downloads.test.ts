/**
 * "Who downloaded this": the downloads of a document's versions, from the audit log, for the
 * owner's editors and admins (and the operator); previews are views and not listed; to anyone
 * else the list answers 404 like a missing document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { makePdf } from './pdf-fixtures.js';

interface Download {
  id: string;
  at: string;
  reader: { name: string | null; email: string | null };
  organization: { slug: string; name: string } | null;
  version: { id: string; label: string };
  watermarked: boolean;
  downloadId: string | null;
}
interface DownloadList {
  items: Download[];
  nextCursor: string | null;
}

let api: RunningApi;
const clients = new Map<string, TestClient>();
const as = (name: string) => clients.get(name)!;

let documentId: string;
let versionId: string;

const downloadsPath = (id: string, query = '') => `/api/v1/documents/${id}/downloads${query}`;

async function read(client: TestClient, query = '') {
  const response = await client.fetch(
    `/api/v1/documents/${documentId}/versions/${versionId}/content${query}`,
  );
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

beforeAll(async () => {
  api = await startApi();
  for (const name of [
    'editor@dmtf',
    'admin@dmtf',
    'member@dmtf',
    'member@ofa',
    'admin@ofa',
    'member@snia',
    'admin@snia',
  ]) {
    clients.set(name, await TestClient.signIn(api.url, `${name}.example`));
  }
  clients.set('operator', await TestClient.signIn(api.url, 'operator@liaison.example'));
  clients.set('anonymous', new TestClient(api.url));

  // A DMTF document shared with the OFA and with SNIA, watermarked for them.
  ({ id: documentId } = await createDocument(as('editor@dmtf'), {
    organization: 'dmtf',
    visibility: 'partners',
    registers: ['ofa-dmtf', 'snia-dmtf'],
    watermark: true,
  }));
  const pdf = await makePdf(['Fabric zoning']);
  const uploaded = await as('editor@dmtf').upload(
    documentId,
    '1.0',
    new Blob([pdf], { type: 'application/pdf' }),
    'zoning.pdf',
  );
  expect(uploaded.status).toBe(201);
  versionId = uploaded.body.id as string;

  await read(as('member@ofa'));
  // A preview, shown in the browser: a view, not a download.
  await read(as('member@snia'), '?inline=1');
  await read(as('member@snia'));
  await read(as('member@dmtf'));
});

afterAll(async () => {
  await api?.close();
});

describe('who downloaded a document', () => {
  it("lists every download, newest first, with reader, organization, version and the copy's download id", async () => {
    const listed = await as('editor@dmtf').json<DownloadList>('GET', downloadsPath(documentId));
    expect(listed.status).toBe(200);
    expect(listed.body.nextCursor).toBeNull();
    const rows = listed.body.items.map(({ id: _event, at: _at, downloadId: _id, ...row }) => row);
    expect(rows).toEqual([
      {
        reader: { name: 'DMTF Member', email: 'member@dmtf.example' },
        organization: { slug: 'dmtf', name: 'Distributed Management Task Force' },
        version: { id: versionId, label: '1.0' },
        watermarked: false,
      },
      {
        reader: { name: 'SNIA Member', email: 'member@snia.example' },
        organization: { slug: 'snia', name: 'Storage Networking Industry Association' },
        version: { id: versionId, label: '1.0' },
        watermarked: true,
      },
      {
        reader: { name: 'OFA Member', email: 'member@ofa.example' },
        organization: { slug: 'ofa', name: 'OpenFabrics Alliance' },
        version: { id: versionId, label: '1.0' },
        watermarked: true,
      },
    ]);
    const times = listed.body.items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);

    // The download ids are the ones stamped on the copies, as the audit log recorded them.
    const audited = await as('admin@dmtf').json<{
      items: { actor: string; details: { downloadId?: string } }[];
    }>('GET', `/api/v1/audit?action=version.download&objectId=${versionId}`);
    const auditedIds = Object.fromEntries(
      audited.body.items.map((event) => [event.actor, event.details.downloadId ?? null]),
    );
    expect(listed.body.items.map((item) => item.downloadId)).toEqual([
      null,
      auditedIds['member@snia.example'],
      auditedIds['member@ofa.example'],
    ]);
    expect(auditedIds['member@ofa.example']).toEqual(expect.any(String));
  });

  it('pages through the downloads with a cursor', async () => {
    const first = await as('admin@dmtf').json<DownloadList>(
      'GET',
      downloadsPath(documentId, '?limit=2'),
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.reader.email)).toEqual([
      'member@dmtf.example',
      'member@snia.example',
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await as('admin@dmtf').json<DownloadList>(
      'GET',
      downloadsPath(documentId, `?limit=2&cursor=${first.body.nextCursor}`),
    );
    expect(second.body.items.map((item) => item.reader.email)).toEqual(['member@ofa.example']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('offers the panel, through the permissions, to the owner editors only', async () => {
    const seen = async (name: string) =>
      (
        await as(name).json<{ permissions: { seeDownloads: boolean } }>(
          'GET',
          `/api/v1/documents/${documentId}`,
        )
      ).body.permissions.seeDownloads;
    expect(await seen('editor@dmtf')).toBe(true);
    expect(await seen('admin@dmtf')).toBe(true);
    expect(await seen('member@dmtf')).toBe(false);
    expect(await seen('member@ofa')).toBe(false);
    expect(await seen('admin@ofa')).toBe(false);
  });

  it('answers 404, as for a missing document, to readers who do not manage it and to outsiders', async () => {
    // Partners read the document but never learn who else did; the operator does not read it.
    for (const name of ['member@dmtf', 'member@ofa', 'admin@ofa', 'admin@snia', 'operator']) {
      const refused = await as(name).json<{ error: { code: string } }>(
        'GET',
        downloadsPath(documentId),
      );
      expect(refused, name).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    expect((await as('anonymous').json('GET', downloadsPath(documentId))).status).toBe(404);
    const missing = await as('editor@dmtf').json(
      'GET',
      downloadsPath('00000000-0000-4000-8000-000000000000'),
    );
    expect(missing.status).toBe(404);
  });

  it('answers the operator for a document they read (public: its reads are not logged, so none)', async () => {
    const { id } = await createDocument(as('admin@dmtf'), {
      organization: 'dmtf',
      visibility: 'public',
    });
    const listed = await as('operator').json<DownloadList>('GET', downloadsPath(id));
    expect(listed).toEqual({ status: 200, body: { items: [], nextCursor: null } });
  });

  it('refuses a malformed cursor or limit with 400', async () => {
    for (const query of ['?cursor=abc', '?limit=0', '?limit=201', '?other=1']) {
      const refused = await as('editor@dmtf').json('GET', downloadsPath(documentId, query));
      expect(refused.status, query).toBe(400);
    }
  });
});
