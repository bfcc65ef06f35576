/**
 * The audit log names its objects (a document's identifier and title, a version's label, a
 * person's address) instead of raw ids, but only where the reader may see the object: a name is a
 * read path like any other. For every reader of the log (the three organizations' admins and the
 * operator), every named document, version and submission is one that reader can open, and a
 * document the reader cannot read keeps its bare id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument, createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';

interface AuditItem {
  action: string;
  actor: string | null;
  objectType: string;
  objectId: string | null;
  objectName: string | null;
  details: Record<string, unknown>;
}

const READERS = [
  'admin@ofa.example',
  'admin@dmtf.example',
  'admin@snia.example',
  'operator@liaison.example',
];

let api: RunningApi;
const clients = new Map<string, TestClient>();
const as = (email: string) => clients.get(email)!;
let shared: { id: string; identifier: string; versionId: string };
let internal: { id: string; identifier: string };

async function auditOf(email: string): Promise<AuditItem[]> {
  const page = await as(email).json<{ items: AuditItem[] }>('GET', '/api/v1/audit?limit=500');
  expect(page.status).toBe(200);
  return page.body.items;
}

beforeAll(async () => {
  api = await startApi();
  for (const email of [...READERS, 'editor@dmtf.example', 'member@ofa.example']) {
    clients.set(email, await TestClient.signIn(api.url, email));
  }
  shared = await createDocumentWithVersion(as('editor@dmtf.example'), {
    organization: 'dmtf',
    title: 'Fabric zoning draft',
    visibility: 'partners',
    registers: ['ofa-dmtf'],
  });
  internal = await createDocument(as('editor@dmtf.example'), {
    organization: 'dmtf',
    title: 'Internal budget notes',
    visibility: 'organization',
  });
  const download = await as('member@ofa.example').fetch(
    `/api/v1/documents/${shared.id}/versions/${shared.versionId}/content`,
  );
  expect(download.status).toBe(200);
  await download.arrayBuffer();
});

afterAll(async () => {
  await api?.close();
});

describe('audit object names', () => {
  it("names the document, its version and the downloading partner's account for the owner's admin", async () => {
    const events = await auditOf('admin@dmtf.example');
    const created = events.find(
      (event) => event.action === 'document.create' && event.objectId === shared.id,
    );
    expect(created?.objectName).toBe(`${shared.identifier} · Fabric zoning draft`);
    const downloaded = events.find(
      (event) => event.action === 'version.download' && event.objectId === shared.versionId,
    );
    expect(downloaded?.objectName).toBe(`${shared.identifier} version 0.1`);
    const internalCreated = events.find((event) => event.objectId === internal.id);
    expect(internalCreated?.objectName).toBe(`${internal.identifier} · Internal budget notes`);
  });

  it('leaves a document the reader cannot open unnamed, even for the operator', async () => {
    const events = await auditOf('operator@liaison.example');
    const internalCreated = events.find((event) => event.objectId === internal.id);
    expect(internalCreated).toBeDefined();
    expect(internalCreated?.objectName).toBeNull();
    expect(JSON.stringify(events)).not.toContain('Internal budget notes');
  });

  it.each(READERS)('names for %s only what %s can open', async (email) => {
    const problems: string[] = [];
    for (const event of await auditOf(email)) {
      if (event.objectName === null || event.objectId === null) continue;
      const path =
        event.objectType === 'document'
          ? `/api/v1/documents/${event.objectId}`
          : event.objectType === 'version'
            ? `/api/v1/documents/${String(event.details.documentId)}`
            : event.objectType === 'submission'
              ? `/api/v1/submissions/${event.objectId}`
              : null;
      if (path === null) continue;
      const status = (await as(email).json('GET', path)).status;
      if (status !== 200)
        problems.push(`${event.objectType} ${event.objectId} named but answers ${status}`);
    }
    expect(problems).toEqual([]);
  });
});
