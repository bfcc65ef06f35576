import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';

const MiB = 1024 * 1024;
const MAX_UPLOAD_BYTES = 16 * MiB;

let api: RunningApi;
let editor: TestClient;

beforeAll(async () => {
  api = await startApi({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
  editor = await TestClient.signIn(api.url, 'editor@dmtf.example');
});

afterAll(async () => {
  await api.close();
});

/** Posts a version form whose fields (and `size`) come in the given order around the file. */
async function postVersion(documentId: string, parts: [string, string | Blob][]) {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'spec.bin');
  }
  const response = await editor.fetch(`/api/v1/documents/${documentId}/versions`, {
    method: 'POST',
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function objectsOf(documentId: string): Promise<string[]> {
  const found: string[] = [];
  for await (const object of api.storage.list(`documents/${documentId}/`)) found.push(object.key);
  return found;
}

async function versionCount(documentId: string): Promise<number> {
  const result = await api.pool.query<{ n: number }>(
    'select count(*)::int as n from document_versions where document_id = $1',
    [documentId],
  );
  return result.rows[0]!.n;
}

describe("an upload with its file's size declared", () => {
  it('is stored in one PUT of that length, with the SHA-256 of its bytes', async () => {
    const { id } = await createDocument(editor, { organization: 'dmtf' });
    // Larger than a multipart part, so a multipart upload would show in the entity tag.
    const bytes = randomBytes(12 * MiB);
    const uploaded = await postVersion(id, [
      ['label', '1.0'],
      ['size', String(bytes.length)],
      ['file', new Blob([bytes])],
    ]);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const [key] = await objectsOf(id);
    const object = await api.storage.stat(key!);
    expect(object?.size).toBe(bytes.length);
    expect(object?.etag).not.toMatch(/-\d+$/);
  });

  it.each([
    ['shorter', 1, /shorter than the 1048577 bytes/],
    ['longer', -1, /longer than the 1048575 bytes/],
  ])(
    'is refused with 400 when the file is %s than declared, and leaves nothing',
    async (_, off, message) => {
      const { id } = await createDocument(editor, { organization: 'dmtf' });
      const answer = await postVersion(id, [
        ['label', '1.0'],
        ['size', String(MiB + off)],
        ['file', new Blob([randomBytes(MiB)])],
      ]);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'size_mismatch', message } });
      expect(await versionCount(id)).toBe(0);
      expect(await objectsOf(id)).toEqual([]);
    },
  );

  it('is refused with 413 before a byte is stored when the declared size is over the limit', async () => {
    const { id } = await createDocument(editor, { organization: 'dmtf' });
    const answer = await postVersion(id, [
      ['label', '1.0'],
      ['size', String(MAX_UPLOAD_BYTES + 1)],
      ['file', new Blob([randomBytes(1024)])],
    ]);
    expect(answer.status).toBe(413);
    expect(await versionCount(id)).toBe(0);
    expect(await objectsOf(id)).toEqual([]);
  });

  it.each([
    [
      'not a number',
      [
        ['label', '1.0'],
        ['size', '12kB'],
        ['file', 'x'],
      ],
      'invalid_input',
    ],
    [
      'sent after the file',
      [
        ['label', '1.0'],
        ['file', 'x'],
        ['size', '1'],
      ],
      'invalid_form',
    ],
    [
      'sent twice',
      [
        ['label', '1.0'],
        ['size', '1'],
        ['size', '1'],
        ['file', 'x'],
      ],
      'invalid_form',
    ],
  ] as const)('is refused with 400 when the size field is %s', async (_, parts, code) => {
    const { id } = await createDocument(editor, { organization: 'dmtf' });
    const answer = await postVersion(
      id,
      parts.map(([name, value]) => [name, name === 'file' ? new Blob([value]) : value]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code } });
    expect(await versionCount(id)).toBe(0);
    expect(await objectsOf(id)).toEqual([]);
  });
});
