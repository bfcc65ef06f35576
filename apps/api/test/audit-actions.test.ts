// The audit log's actions: a preview is recorded as a view and a saved copy as a download (issue 17:
// every preview was logged as a download), and the filter takes only actions the log records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorAnswer, TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';

interface AuditPage {
  items: Array<{ action: string; objectId: string | null; actor: string | null }>;
}

let api: RunningApi;
let dmtfAdmin: TestClient;
let ofaMember: TestClient;
let document: { id: string; versionId: string };

beforeAll(async () => {
  api = await startApi();
  dmtfAdmin = await TestClient.signIn(api.url, 'admin@dmtf.example');
  ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
  document = await createDocumentWithVersion(dmtfAdmin, {
    organization: 'dmtf',
    visibility: 'partners',
    registers: ['ofa-dmtf'],
  });
});

afterAll(async () => {
  await api.close();
});

async function actionsOnVersion(): Promise<string[]> {
  const page = await dmtfAdmin.json<AuditPage>(
    'GET',
    `/api/v1/audit?objectId=${document.versionId}&limit=100`,
  );
  expect(page.status).toBe(200);
  return page.body.items
    .filter((event) => event.actor === 'member@ofa.example')
    .map((event) => event.action);
}

describe('reading a confidential file', () => {
  it('records a preview in the browser as a view, and saving it as a download', async () => {
    const content = `/api/v1/documents/${document.id}/versions/${document.versionId}/content`;
    const preview = await ofaMember.fetch(`${content}?inline=1`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
    await preview.arrayBuffer();
    expect(await actionsOnVersion()).toEqual(['version.view']);

    const saved = await ofaMember.fetch(content);
    expect(saved.status).toBe(200);
    await saved.arrayBuffer();
    expect(await actionsOnVersion()).toEqual(['version.download', 'version.view']);

    const viewsOnly = await dmtfAdmin.json<AuditPage>(
      'GET',
      `/api/v1/audit?action=version.view&objectId=${document.versionId}`,
    );
    expect(viewsOnly.body.items.map((event) => event.action)).toEqual(['version.view']);
  });

  it('counts a file a browser cannot show inline as a download even when a preview was asked', async () => {
    const text = await createDocumentWithVersion(dmtfAdmin, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const uploaded = await dmtfAdmin.upload(text.id, '2', 'plain words', 'notes.txt', 'text/plain');
    expect(uploaded.status).toBe(201);
    const asked = await ofaMember.fetch(
      `/api/v1/documents/${text.id}/versions/${uploaded.body.id}/content?inline=1`,
    );
    expect(asked.headers.get('content-disposition')).toMatch(/^attachment;/);
    await asked.arrayBuffer();
    const page = await dmtfAdmin.json<AuditPage>(
      'GET',
      `/api/v1/audit?objectId=${uploaded.body.id}`,
    );
    expect(page.body.items.map((event) => event.action)).toContain('version.download');
    expect(page.body.items.map((event) => event.action)).not.toContain('version.view');
  });
});

describe('the action filter', () => {
  it('refuses an action the log does not record with a 400 JSON error', async () => {
    const refused = await dmtfAdmin.json<ErrorAnswer>('GET', '/api/v1/audit?action=version.steal');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/action/);
  });
});
