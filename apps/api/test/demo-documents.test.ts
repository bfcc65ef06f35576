import { createHash } from 'node:crypto';
import { addDays, utcDate } from '@liaison/core';
import { demoDocuments, demoStatements } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../src/services/demo/seed-demo-documents.js';
import { seedDemoReview } from '../src/services/demo/seed-demo-review.js';
import { seedDemoStatements } from '../src/services/demo/seed-demo-statements.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startApi({ S3_BUCKET: `demo-docs-${Date.now()}` });
});

afterAll(async () => {
  await api.close();
});

describe('demo documents', () => {
  it('are seeded with real PDF files, once', async () => {
    expect(await seedDemoDocuments(api)).toBe(demoDocuments.length);
    expect(await seedDemoDocuments(api)).toBe(0);
    const rows = await api.pool.query<{ documents: number; versions: number }>(
      'select (select count(*)::int from documents) as documents, (select count(*)::int from document_versions) as versions',
    );
    expect(rows.rows[0]).toEqual({
      documents: demoDocuments.length,
      versions: demoDocuments.reduce((total, demo) => total + demo.versions.length, 0),
    });
  });

  it('follow the access rules: anonymous sees the public ones, OFA members the shared WIP', async () => {
    const anonymous = new TestClient(api.url);
    const listed = await anonymous.json<{ items: { identifier: string }[] }>(
      'GET',
      '/api/v1/documents',
    );
    const publicOnes = demoDocuments
      .filter((demo) => demo.visibility === 'public')
      .map((demo) => demo.identifier);
    expect(listed.body.items.map((item) => item.identifier).sort()).toEqual([...publicOnes].sort());

    const ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
    const wip = await ofaMember.json<{ items: { id: string; identifier: string }[] }>(
      'GET',
      '/api/v1/documents?register=ofa-dmtf',
    );
    expect(wip.body.items.map((item) => item.identifier)).toEqual(['DSP-WIP-FABRIC']);

    const document = await ofaMember.json<{
      versions: { id: string; sha256: string; watermarked: boolean }[];
    }>('GET', `/api/v1/documents/${wip.body.items[0]?.id}`);
    const version = document.body.versions[0]!;
    const file = await ofaMember.fetch(
      `/api/v1/documents/${wip.body.items[0]?.id}/versions/${version.id}/content`,
    );
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    // The shared WIP requires watermarks: OFA's copy is stamped, DMTF's is the original.
    expect(version.watermarked).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).not.toBe(version.sha256);
    const dmtfMember = await TestClient.signIn(api.url, 'member@dmtf.example');
    const original = await dmtfMember.fetch(
      `/api/v1/documents/${wip.body.items[0]?.id}/versions/${version.id}/content`,
    );
    const originalBytes = Buffer.from(await original.arrayBuffer());
    expect(createHash('sha256').update(originalBytes).digest('hex')).toBe(version.sha256);
  });
});

describe('the demo statement', () => {
  it('is seeded once, from DMTF to OFA, linking the shared WIP, and owed by OFA', async () => {
    // After the documents (the first test), as the API's start-up does.
    expect(await seedDemoStatements(api)).toBe(demoStatements.length);
    expect(await seedDemoStatements(api)).toBe(0);
    const deadline = addDays(utcDate(new Date()), 30);

    const ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
    const owed = await ofaMember.json<{ items: { id: string; title: string }[] }>(
      'GET',
      '/api/v1/statements?owed=true',
    );
    const demo = owed.body.items.find(
      (item) => item.title === 'Redfish Fabric Extensions (work-in-progress) available for comment',
    );
    expect(demo).toBeDefined();
    const wip = await ofaMember.json<{ items: { id: string }[] }>(
      'GET',
      '/api/v1/documents?register=ofa-dmtf',
    );
    const statement = await ofaMember.json<Record<string, unknown>>(
      'GET',
      `/api/v1/statements/${demo!.id}`,
    );
    expect(statement.body).toMatchObject({
      register: { slug: 'ofa-dmtf' },
      from: { slug: 'dmtf' },
      to: [{ slug: 'ofa' }],
      purpose: 'comment',
      visibility: 'parties',
      state: 'sent',
      owed: true,
      deadline,
      sentBy: 'admin@dmtf.example',
      permissions: { markAnswered: false, reply: false },
    });
    expect(statement.body.body).toContain(`(/documents/${wip.body.items[0]!.id})`);
    const ofaAdmin = await TestClient.signIn(api.url, 'admin@ofa.example');
    const forAdmin = await ofaAdmin.json('GET', `/api/v1/statements/${demo!.id}`);
    expect(forAdmin.body).toMatchObject({ permissions: { markAnswered: true, reply: true } });

    const snia = await TestClient.signIn(api.url, 'member@snia.example');
    expect((await snia.json('GET', `/api/v1/statements/${demo!.id}`)).status).toBe(404);
  });
});

describe('the demo review', () => {
  it('is an open call for comments on the fabric work in progress, with two OFA comments, once', async () => {
    await seedDemoDocuments(api);
    expect(await seedDemoReview(api.pool)).toBe(true);
    expect(await seedDemoReview(api.pool)).toBe(false);
    const ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
    const open = await ofaMember.json<{
      items: {
        id: string;
        document: { identifier: string };
        version: { label: string };
        closesOn: string;
        state: string;
      }[];
    }>('GET', '/api/v1/reviews?open=true');
    const review = open.body.items.find((item) => item.document.identifier === 'DSP-WIP-FABRIC')!;
    expect(review).toMatchObject({
      version: { label: '0.9a' },
      state: 'open',
      closesOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const dmtfEditor = await TestClient.signIn(api.url, 'editor@dmtf.example');
    const comments = await dmtfEditor.json<{
      items: { organization: { slug: string }; disposition: { value: string } | null }[];
    }>('GET', `/api/v1/reviews/${review.id}/comments`);
    expect(comments.body.items.map((item) => item.organization.slug)).toEqual(['ofa', 'ofa']);
    expect(comments.body.items.map((item) => item.disposition?.value ?? null)).toEqual([
      'accepted-with-changes',
      null,
    ]);
    // SNIA does not read the document, so neither the review nor its comments.
    const sniaMember = await TestClient.signIn(api.url, 'member@snia.example');
    expect((await sniaMember.json('GET', `/api/v1/reviews/${review.id}`)).status).toBe(404);
  });
});
