/**
 * Watermarked downloads of confidential PDFs: a reader outside the owner organization gets a copy
 * stamped on every page with their e-mail and a download id the audit event records; the owner's
 * members get the original bytes; public documents are never stamped; and a PDF that cannot be
 * stamped (too large, broken, encrypted) is refused rather than given out unstamped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorAnswer, TestClient } from './client.js';
import { createDocument } from './factories.js';
import { type RunningApi, sha256, startApi } from './helpers.js';
import { makeEncryptedPdf, makePdf, pdfPageTexts } from './pdf-fixtures.js';

const WATERMARK_MAX_BYTES = 200_000;

let api: RunningApi;
let editor: TestClient;
let dmtfMember: TestClient;
let partner: TestClient;
let partnerEditor: TestClient;
let auditor: TestClient;

interface Version {
  id: string;
  sha256: string;
  watermarked: boolean;
}

async function upload(documentId: string, label: string, bytes: Buffer, filename = 'spec.pdf') {
  return editor.upload(documentId, label, new Blob([bytes], { type: 'application/pdf' }), filename);
}

async function download(
  client: TestClient,
  documentId: string,
  versionId: string,
  init: RequestInit = {},
  query = '',
) {
  const response = await client.fetch(
    `/api/v1/documents/${documentId}/versions/${versionId}/content${query}`,
    init,
  );
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A partners document of dmtf shared with ofa (so ofa's members read it), requiring watermarks. */
async function sharedDocument() {
  const created = await editor.json<{ id: string; watermark: boolean }>(
    'POST',
    '/api/v1/documents',
    {
      organization: 'dmtf',
      identifier: `WM-${Math.random().toString(36).slice(2, 10)}`,
      title: 'Fabric zoning draft',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function versionsAs(client: TestClient, documentId: string): Promise<Version[]> {
  const document = await client.json<{ versions: Version[] }>(
    'GET',
    `/api/v1/documents/${documentId}`,
  );
  return document.body.versions;
}

async function auditedDownloadIds(versionId: string, action: string): Promise<unknown[]> {
  const events = await auditor.json<{ items: { details: { downloadId?: unknown } }[] }>(
    'GET',
    `/api/v1/audit?action=${action}&objectId=${versionId}`,
  );
  expect(events.status).toBe(200);
  return events.body.items.map((event) => event.details.downloadId);
}

let document: { id: string; watermark: boolean };
let versionId: string;
let original: Buffer;
const PAGES = ['Zoning section, page one', 'Fabric adapter, page two', 'Appendix, page three'];

beforeAll(async () => {
  api = await startApi({ WATERMARK_MAX_BYTES: String(WATERMARK_MAX_BYTES) });
  editor = await TestClient.signIn(api.url, 'editor@dmtf.example');
  dmtfMember = await TestClient.signIn(api.url, 'member@dmtf.example');
  partner = await TestClient.signIn(api.url, 'member@ofa.example');
  partnerEditor = await TestClient.signIn(api.url, 'editor@ofa.example');
  auditor = await TestClient.signIn(api.url, 'admin@dmtf.example');
  document = await sharedDocument();
  original = await makePdf(PAGES);
  const uploaded = await upload(document.id, '0.9a', original);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  versionId = uploaded.body.id as string;
});

afterAll(async () => {
  await api?.close();
});

describe('watermarked downloads', () => {
  it('is on by default for new partners and organization documents, off for public ones', async () => {
    expect(document.watermark).toBe(true);
    const organization = await createDocument(editor, {
      organization: 'dmtf',
      watermark: undefined,
    });
    const publicDocument = await auditor.json<{ watermark: boolean }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: `WM-PUBLIC-${Date.now()}`,
      title: 'Public',
      status: 'work-in-progress',
      visibility: 'public',
    });
    const read = await editor.json<{ watermark: boolean }>(
      'GET',
      `/api/v1/documents/${organization.id}`,
    );
    expect([read.body.watermark, publicDocument.body.watermark]).toEqual([true, false]);
  });

  it("stamps every page of a partner's download with their e-mail and a download id the audit event records", async () => {
    const { response, bytes } = await download(partner, document.id, versionId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBeNull();
    expect(sha256(bytes)).not.toBe(sha256(original));
    const texts = await pdfPageTexts(bytes);
    expect(texts).toHaveLength(PAGES.length);
    const downloadId = /download ([0-9A-Z]{10})/.exec(texts[0]!)?.[1];
    expect(downloadId).toBeDefined();
    texts.forEach((text, index) => {
      expect(text).toContain(PAGES[index]);
      expect(text).toContain('member@ofa.example');
      expect(text).toContain(downloadId);
      expect(text).toContain(new Date().toISOString().slice(0, 10));
    });
    expect(await auditedDownloadIds(versionId, 'version.download')).toContain(downloadId);
  });

  it('stamps the inline preview too, audited as a view with its own download id', async () => {
    const { response, bytes } = await download(partner, document.id, versionId, {}, '?inline=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^inline/);
    const texts = await pdfPageTexts(bytes);
    const downloadId = /download ([0-9A-Z]{10})/.exec(texts[0]!)?.[1];
    expect(
      texts.every((text) => text.includes('member@ofa.example') && text.includes(downloadId!)),
    ).toBe(true);
    expect(await auditedDownloadIds(versionId, 'version.view')).toEqual([downloadId]);
  });

  it('gives a new download id to every copy', async () => {
    const first = await pdfPageTexts((await download(partner, document.id, versionId)).bytes);
    const second = await pdfPageTexts((await download(partner, document.id, versionId)).bytes);
    expect(first[0]).not.toBe(second[0]);
  });

  it('answers a Range request on a stamped copy in full, with 200', async () => {
    const { response, bytes } = await download(partner, document.id, versionId, {
      headers: { range: 'bytes=0-99' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBeNull();
    expect(response.headers.get('accept-ranges')).toBe('none');
    expect((await pdfPageTexts(bytes)).every((text) => text.includes('member@ofa.example'))).toBe(
      true,
    );
  });

  it("gives the owner's members the original bytes, with the stored SHA-256", async () => {
    const [stored] = await versionsAs(dmtfMember, document.id);
    expect(stored!.watermarked).toBe(false);
    const { response, bytes } = await download(dmtfMember, document.id, versionId);
    expect(response.status).toBe(200);
    expect(bytes.equals(original)).toBe(true);
    expect(sha256(bytes)).toBe(stored!.sha256);
  });

  it('tells each caller whether their copy is watermarked', async () => {
    const [forPartner] = await versionsAs(partner, document.id);
    expect(forPartner!.watermarked).toBe(true);
  });

  it('never stamps the versions of a public document, even with the setting on', async () => {
    const created = await auditor.json<{ id: string; watermark: boolean }>(
      'POST',
      '/api/v1/documents',
      {
        organization: 'dmtf',
        identifier: `WM-PUB-${Date.now()}`,
        title: 'Released',
        status: 'informational',
        visibility: 'public',
        watermark: true,
      },
    );
    expect(created.body.watermark).toBe(true);
    const uploaded = await upload(created.body.id, '1.0', original);
    expect(uploaded.status).toBe(201);
    for (const reader of [partner, new TestClient(api.url)]) {
      const [version] = await versionsAs(reader, created.body.id);
      expect(version!.watermarked).toBe(false);
      const { bytes } = await download(reader, created.body.id, uploaded.body.id as string);
      expect(bytes.equals(original)).toBe(true);
    }
  });

  it("lets the owner's editors turn it off and on, and no one else", async () => {
    const path = `/api/v1/documents/${document.id}`;
    expect((await partnerEditor.json('PATCH', path, { watermark: false })).status).toBe(403);
    expect((await dmtfMember.json('PATCH', path, { watermark: false })).status).toBe(403);
    const off = await editor.json<{ watermark: boolean }>('PATCH', path, { watermark: false });
    expect([off.status, off.body.watermark]).toEqual([200, false]);
    const [version] = await versionsAs(partner, document.id);
    expect(version!.watermarked).toBe(false);
    const unstamped = await download(partner, document.id, versionId);
    expect(unstamped.bytes.equals(original)).toBe(true);
    const on = await editor.json<{ watermark: boolean }>('PATCH', path, { watermark: true });
    expect([on.status, on.body.watermark]).toEqual([200, true]);
  });
});

describe('what cannot be stamped is never given out unstamped', () => {
  it('refuses a PDF over the stamping limit on upload, and stores nothing', async () => {
    const shared = await sharedDocument();
    const large = await makePdf(['large'], { padding: WATERMARK_MAX_BYTES });
    const refused = await upload(shared.id, '1.0', large);
    expect(refused.status).toBe(413);
    expect((refused.body.error as { message: string }).message).toMatch(
      /requires watermarks.*200000 bytes/,
    );
    expect(await versionsAs(editor, shared.id)).toEqual([]);
    // A file that is not a PDF is not stamped, so the limit does not apply to it.
    const text = await editor.upload(
      shared.id,
      '1.1',
      'x'.repeat(WATERMARK_MAX_BYTES + 1),
      'notes.txt',
      'text/plain',
    );
    expect(text.status).toBe(201);
  });

  it('refuses to turn the setting on while a PDF version is over the limit (400 naming the field)', async () => {
    const { id } = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const large = await makePdf(['large'], { padding: WATERMARK_MAX_BYTES });
    expect((await upload(id, '1.0', large)).status).toBe(201);
    const refused = await editor.json<ErrorAnswer>('PATCH', `/api/v1/documents/${id}`, {
      watermark: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('watermark_too_large');
    expect(refused.body.error.message).toMatch(/^watermark: .*1\.0/);
    const after = await editor.json<{ watermark: boolean }>('GET', `/api/v1/documents/${id}`);
    expect(after.body.watermark).toBe(false);
  });

  it('refuses a broken or encrypted PDF on upload with 422, and stores nothing', async () => {
    const shared = await sharedDocument();
    const broken = await upload(shared.id, '1.0', Buffer.from('%PDF-1.7 not really a PDF'));
    expect(broken.status).toBe(422);
    expect(broken.body.error).toMatchObject({ code: 'unstampable_pdf' });
    const encrypted = await upload(shared.id, '1.1', await makeEncryptedPdf());
    expect(encrypted.status).toBe(422);
    expect((encrypted.body.error as { message: string }).message).toMatch(/encrypted/);
    // Named .pdf but sent as a generic type: still a PDF to stamp.
    const disguised = await editor.upload(
      shared.id,
      '1.2',
      new Blob([Buffer.from('%PDF-1.7 broken')], { type: 'application/octet-stream' }),
      'spec.pdf',
    );
    expect(disguised.status).toBe(422);
    expect(await versionsAs(editor, shared.id)).toEqual([]);
  });

  it('refuses the download of a broken PDF (already there when the setting was turned on) rather than serve it unstamped', async () => {
    const { id } = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const broken = Buffer.from('%PDF-1.7 broken before watermarks were on');
    const uploaded = await upload(id, '1.0', broken);
    expect(uploaded.status).toBe(201);
    expect(
      (await editor.json('PATCH', `/api/v1/documents/${id}`, { watermark: true })).status,
    ).toBe(200);
    const { response, bytes } = await download(partner, id, uploaded.body.id as string);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(bytes.toString()).error.code).toBe('unstampable_pdf');
    expect(bytes.includes(broken)).toBe(false);
    // The owner's members still get their file.
    const own = await download(dmtfMember, id, uploaded.body.id as string);
    expect(own.bytes.equals(broken)).toBe(true);
  });
});
