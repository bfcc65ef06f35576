/**
 * GET /api/v1/registers/:slug/files.zip: the current version of every document shared under a
 * register that the caller may read, as one zip. Each reader gets exactly their readable files
 * under their download names, withdrawn versions left out, a stamped copy where the document
 * requires watermarks for them, and one audit event per non-public file, as a single download.
 */
import { versionDownloadName } from '@liaison/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument, type DocumentFields, uploadVersion } from './factories.js';
import { type RunningApi, sha256, startApi } from './helpers.js';
import { makePdf, pdfPageTexts } from './pdf-fixtures.js';

const REGISTER = 'zip-ofa-dmtf';

let api: RunningApi;
let editor: TestClient;
let admin: TestClient;

interface Shared {
  id: string;
  identifier: string;
  /** The entry's name and the SHA-256 of the stored bytes; null when nothing is in the zip. */
  entry: { name: string; sha256: string; versionId: string } | null;
}

const docs: Record<string, Shared> = {};
let original: Buffer;

async function sharedDocument(fields: Partial<DocumentFields>) {
  return createDocument(editor, {
    organization: 'dmtf',
    registers: [REGISTER],
    visibility: 'partners',
    ...fields,
  });
}

async function withVersion(
  name: string,
  fields: Partial<DocumentFields>,
  labels: string[],
  content: (label: string) => string | Blob = (label) => `%PDF-1.7 ${name} ${label}`,
) {
  const document = await sharedDocument(fields);
  let entry: Shared['entry'] = null;
  for (const label of labels) {
    const body = content(label);
    const uploaded = await editor.upload(document.id, label, body, `${name}.pdf`);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const bytes =
      typeof body === 'string' ? Buffer.from(body) : Buffer.from(await body.arrayBuffer());
    entry = {
      name: versionDownloadName(document.identifier, label, `${name}.pdf`),
      sha256: sha256(bytes),
      versionId: uploaded.body.id as string,
    };
  }
  docs[name] = { ...document, entry };
  return { document, entry };
}

async function zipOf(client: TestClient, slug = REGISTER) {
  const response = await client.fetch(`/api/v1/registers/${slug}/files.zip`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes };
}

/** The zip's entries: name → SHA-256 of the bytes. */
async function entriesOf(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries: Record<string, string> = {};
  for (const file of Object.values(zip.files)) {
    entries[file.name] = sha256(await file.async('uint8array'));
  }
  return entries;
}

const expected = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [docs[name]!.entry!.name, docs[name]!.entry!.sha256]));

async function downloadsAudited(versionId: string): Promise<{ downloadId?: string }[]> {
  const events = await admin.json<{ items: { details: { downloadId?: string } }[] }>(
    'GET',
    `/api/v1/audit?action=version.download&objectId=${versionId}`,
  );
  expect(events.status).toBe(200);
  return events.body.items.map((event) => event.details);
}

beforeAll(async () => {
  api = await startApi();
  // The owner's admin: only admins may make a document public.
  admin = await TestClient.signIn(api.url, 'admin@dmtf.example');
  editor = admin;
  const operator = await TestClient.signIn(api.url, 'operator@liaison.example');
  for (const [slug, state] of [
    [REGISTER, 'approved'],
    [`${REGISTER}-draft`, 'draft'],
  ] as const) {
    const created = await operator.json('POST', '/api/v1/registers', {
      slug,
      title: `Register ${slug}`,
      version: '0.1',
      initiatedOn: '2026-02-01',
      summary: 'Zipping the shared files.',
      state,
      reviewDue: '2027-02-01',
      reviewProcess: 'DSP4003',
      parties: [
        { organization: 'ofa', description: 'Fabrics.' },
        { organization: 'dmtf', description: 'Management.' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  await withVersion('public', { visibility: 'public' }, ['1.0']);
  await withVersion('partners', {}, ['1.0', '2.0']);
  const withdrawn = await withVersion('withdrawn', {}, ['1.0', '2.0']);
  const withdrawal = await admin.json(
    'POST',
    `/api/v1/documents/${withdrawn.document.id}/versions/${withdrawn.entry!.versionId}/withdraw`,
    { reason: 'Superseded by 1.0 after all.' },
  );
  expect(withdrawal.status, JSON.stringify(withdrawal.body)).toBe(200);
  const current = await admin.json<{ versions: { id: string; label: string }[] }>(
    'GET',
    `/api/v1/documents/${withdrawn.document.id}`,
  );
  const first = current.body.versions.find((version) => version.label === '1.0')!;
  docs.withdrawn!.entry = {
    name: versionDownloadName(withdrawn.document.identifier, '1.0', 'withdrawn.pdf'),
    sha256: sha256(Buffer.from('%PDF-1.7 withdrawn 1.0')),
    versionId: first.id,
  };
  await withVersion('organization', { visibility: 'organization' }, ['1.0']);
  docs.empty = { ...(await sharedDocument({})), entry: null };
  original = await makePdf(['Zoning section, page one', 'Appendix, page two']);
  await withVersion(
    'stamped',
    { watermark: true },
    ['0.9'],
    () => new Blob([original], { type: 'application/pdf' }),
  );
  // Readable by everyone, but not shared under the register.
  const elsewhere = await createDocument(editor, { organization: 'dmtf', visibility: 'public' });
  await uploadVersion(editor, elsewhere.id);
});

afterAll(async () => {
  await api?.close();
});

describe('GET /api/v1/registers/:slug/files.zip', () => {
  it('gives a member of a partner organization every file they may read, the watermarked one stamped for them', async () => {
    const partner = await TestClient.signIn(api.url, 'member@ofa.example');
    const { response, bytes } = await zipOf(partner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(`${REGISTER}-files.zip`);
    const entries = await entriesOf(bytes);
    const stamped = docs.stamped!.entry!;
    expect(Object.keys(entries).sort()).toEqual(
      Object.keys(expected('public', 'partners', 'withdrawn', 'stamped')).sort(),
    );
    const { [stamped.name]: stampedSha, ...rest } = entries;
    expect(rest).toEqual(expected('public', 'partners', 'withdrawn'));
    // Never the stored bytes: a copy stamped with the reader's e-mail on every page.
    expect(stampedSha).not.toBe(stamped.sha256);
    const zip = await JSZip.loadAsync(bytes);
    const texts = await pdfPageTexts(await zip.file(stamped.name)!.async('uint8array'));
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toContain('member@ofa.example');
  });

  it('records a download for each non-public file, with the stamped copy’s download id', async () => {
    const before = await downloadsAudited(docs.stamped!.entry!.versionId);
    const partner = await TestClient.signIn(api.url, 'member@ofa.example');
    const counts = async () =>
      Promise.all(
        ['public', 'partners', 'withdrawn'].map(
          async (name) => (await downloadsAudited(docs[name]!.entry!.versionId)).length,
        ),
      );
    const earlier = await counts();
    const { response, bytes } = await zipOf(partner);
    expect(response.status).toBe(200);
    await entriesOf(bytes);
    expect(await counts()).toEqual([earlier[0]!, earlier[1]! + 1, earlier[2]! + 1]);
    const after = await downloadsAudited(docs.stamped!.entry!.versionId);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]!.downloadId).toMatch(/^[0-9A-Z]{10}$/);
  });

  it.each([
    ['a member of a third-party organization', 'member@snia.example'],
    ['an anonymous caller', null],
  ])('gives %s the public files only', async (_, email) => {
    const client = email ? await TestClient.signIn(api.url, email) : new TestClient(api.url);
    const { response, bytes } = await zipOf(client);
    expect(response.status).toBe(200);
    expect(await entriesOf(bytes)).toEqual(expected('public'));
  });

  it("gives the owner's members their own files as stored, unstamped", async () => {
    const member = await TestClient.signIn(api.url, 'member@dmtf.example');
    const { bytes } = await zipOf(member);
    expect(await entriesOf(bytes)).toEqual(
      expected('public', 'partners', 'withdrawn', 'organization', 'stamped'),
    );
  });

  it('answers 404 for a register the caller may not read, like a missing one', async () => {
    const thirdParty = await TestClient.signIn(api.url, 'member@snia.example');
    for (const [client, slug] of [
      [thirdParty, `${REGISTER}-draft`],
      [new TestClient(api.url), `${REGISTER}-draft`],
      [thirdParty, 'no-such-register'],
    ] as const) {
      const { response, bytes } = await zipOf(client, slug);
      expect(response.status).toBe(404);
      expect(JSON.parse(bytes.toString()).error.code).toBe('not_found');
    }
    const partner = await TestClient.signIn(api.url, 'member@ofa.example');
    const draft = await zipOf(partner, `${REGISTER}-draft`);
    expect(draft.response.status).toBe(200);
    expect(await entriesOf(draft.bytes)).toEqual({});
  });
});
