/**
 * Concurrent uploads all land (docs/architecture.md, "The bars every change keeps"): 50 uploads of
 * different files to one document at the same time, from 1 KiB to 12 MiB (those over the 8 MiB part
 * size go to the store as multipart uploads), each land as a version whose SHA-256 is that of the
 * bytes sent and whose download hashes to the same again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { type RunningApi, sha256, startApi } from './helpers.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const UPLOADS = 50;

/** mulberry32: a small seeded PRNG, so every size and every byte is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `size` pseudo-random bytes from `seed`, written a 32-bit word at a time. */
function contentOf(size: number, seed: number): Buffer {
  const words = new Uint32Array(Math.ceil(size / 4));
  const next = prng(seed);
  for (let i = 0; i < words.length; i++) words[i] = next();
  return Buffer.from(words.buffer, 0, size);
}

/**
 * The 50 sizes: the edges of the store's 8 MiB part size and of the range, then 35 spread
 * log-uniformly from 1 KiB to 8 MiB and 10 uniformly from 8 MiB to 12 MiB. About 170 MiB in all.
 */
function uploadSizes(): number[] {
  const next = prng(0x5eed);
  const unit = () => next() / 2 ** 32;
  const sizes = [KiB, 8 * MiB - 1, 8 * MiB, 8 * MiB + 1, 12 * MiB];
  while (sizes.length < 40) sizes.push(Math.round(KiB * (8 * KiB) ** unit()));
  while (sizes.length < UPLOADS) sizes.push(8 * MiB + Math.round(unit() * 4 * MiB));
  return sizes;
}

interface Version {
  id: string;
  label: string;
  filename: string;
  size: number;
  sha256: string;
}

const BOUNDARY = '----liaison-concurrent-7d41';

/**
 * Uploads one version with node:http, writing the form's head, the file and its tail straight
 * to the socket with an exact Content-Length (no copy of the file into a form body).
 */
function upload(
  client: TestClient,
  documentId: string,
  label: string,
  filename: string,
  content: Buffer,
): Promise<{ status: number; body: unknown }> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="label"\r\n\r\n${label}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const url = new URL(`/api/v1/documents/${documentId}/versions`, client.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          ...client.headers(),
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': head.length + content.length + tail.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.write(head);
    outgoing.write(content);
    outgoing.end(tail);
  });
}

/** The SHA-256 and length of a download, hashed as it streams in. */
async function downloadHash(client: TestClient, documentId: string, versionId: string) {
  const response = await client.fetch(
    `/api/v1/documents/${documentId}/versions/${versionId}/content`,
  );
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    size,
    sha256: hash.digest('hex'),
  };
}

let api: RunningApi;
let editor: TestClient;
let documentId: string;

beforeAll(async () => {
  // The production pool size (10), but more patience than production's 5 s for a connection:
  // here the API shares two CPUs with its own clients, the S3 server and the other test files,
  // and 50 uploads at once have been measured waiting 3-5 s for a connection. This test is
  // about every upload landing intact, not about the pool's capacity on a loaded machine.
  api = await startApi(
    { S3_BUCKET: `concurrent-uploads-${randomBytes(6).toString('hex')}` },
    { pool: { max: 10, connectionTimeoutMillis: 20_000 } },
  );
  editor = await TestClient.signIn(api.url, 'editor@dmtf.example');
  const created = await editor.json<{ id: string }>('POST', '/api/v1/documents', {
    organization: 'dmtf',
    identifier: 'DSP9050',
    title: 'Fifty versions at once',
    status: 'work-in-progress',
    visibility: 'organization',
  });
  expect(created.status).toBe(201);
  documentId = created.body.id;
});

afterAll(async () => {
  await api?.close();
});

describe('50 concurrent uploads to one document', () => {
  it('all land (201), each with the SHA-256 of its bytes, downloadable intact, and listed as 50 versions', {
    timeout: 300_000,
  }, async () => {
    const sizes = uploadSizes();
    expect(sizes).toHaveLength(UPLOADS);
    expect(sizes.filter((size) => size > 8 * MiB).length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...sizes)).toBe(KiB);
    expect(Math.max(...sizes)).toBe(12 * MiB);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(300 * MiB);

    // Generated and hashed before the first request, so that work does not stall the uploads
    // (the API runs in this process).
    const expected = new Map<string, { size: number; sha256: string; filename: string }>();
    const files = sizes.map((size, index) => {
      const label = `1.0.${index}`;
      const filename = `part-${index}-${size}.bin`;
      const content = contentOf(size, index + 1);
      expected.set(label, { size, sha256: sha256(content), filename });
      return { label, filename, content };
    });
    const answers = await Promise.all(
      files.map(async ({ label, filename, content }) => ({
        label,
        ...(await upload(editor, documentId, label, filename, content)),
      })),
    );
    files.length = 0; // Let the ~170 MiB go before the downloads.

    // Every upload answered 201 with the bytes' own size and hash.
    expect(answers.map(({ label, status }) => ({ label, status }))).toEqual(
      sizes.map((_, index) => ({ label: `1.0.${index}`, status: 201 })),
    );
    const versions = answers.map(({ body }) => body as Version);
    for (const version of versions) {
      const wanted = expected.get(version.label)!;
      expect(version).toMatchObject(wanted);
    }

    // The document lists exactly these 50 versions, with the same hashes.
    const document = await editor.json<{ versions: Version[] }>(
      'GET',
      `/api/v1/documents/${documentId}`,
    );
    expect(document.status).toBe(200);
    expect(document.body.versions).toHaveLength(UPLOADS);
    const listed = Object.fromEntries(
      document.body.versions.map((version) => [version.label, version]),
    );
    for (const version of versions) {
      expect(listed[version.label]).toMatchObject({
        id: version.id,
        size: version.size,
        sha256: version.sha256,
      });
    }

    // One stored object per version, of the right size, and nothing else under the document.
    const objects = new Map<string, number>();
    for await (const object of api.storage.list(`documents/${documentId}/`)) {
      objects.set(object.key, object.size);
    }
    expect(objects).toEqual(
      new Map(versions.map((version) => [`documents/${documentId}/${version.id}`, version.size])),
    );

    // Each download hashes to what was uploaded (ten at a time, hashed as they stream).
    for (let start = 0; start < versions.length; start += 10) {
      const batch = versions.slice(start, start + 10);
      const downloads = await Promise.all(
        batch.map((version) => downloadHash(editor, documentId, version.id)),
      );
      downloads.forEach((download, offset) => {
        const version = batch[offset]!;
        const wanted = expected.get(version.label)!;
        expect({ label: version.label, ...download }).toEqual({
          label: version.label,
          status: 200,
          etag: `"${wanted.sha256}"`,
          size: wanted.size,
          sha256: wanted.sha256,
        });
      });
    }
  });
});
