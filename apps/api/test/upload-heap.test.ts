import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { MULTIPART_TYPE, multipartBody } from './raw-requests.js';
import { useApi } from './signed-in-api.js';

const MiB = 1024 * 1024;
const FILE_BYTES = 256 * MiB;
/** The file is this chunk over and over, so the sender allocates nothing per chunk. */
const CHUNK = Buffer.alloc(MiB, 'liaison ');

const started = useApi({ MAX_UPLOAD_BYTES: String(FILE_BYTES) });

/** Posts a version of FILE_BYTES, its size declared, streamed over one `node:http` request. */
function postLargeVersion(
  editor: TestClient,
  documentId: string,
): Promise<{ status: number; body: string }> {
  const boundary = MULTIPART_TYPE.slice(MULTIPART_TYPE.indexOf('=') + 1);
  const head = Buffer.concat([
    multipartBody(
      [
        { name: 'label', value: '1.0' },
        { name: 'size', value: String(FILE_BYTES) },
      ],
      { close: false },
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
  ]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + FILE_BYTES + tail.length;
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/v1/documents/${documentId}/versions`, started.api.url);
    const sending = request(url, {
      method: 'POST',
      headers: editor.headers({ 'content-type': MULTIPART_TYPE, 'content-length': String(length) }),
    });
    sending.on('error', reject);
    sending.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => {
        body += piece;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sending.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < FILE_BYTES) {
        sent += CHUNK.length;
        if (!sending.write(CHUNK)) {
          sending.once('drain', pump);
          return;
        }
      }
      sending.end(tail);
    };
    pump();
  });
}

describe('a large upload', () => {
  it('sets off no full collection of the heap for its body buffers', async () => {
    const editor = await TestClient.signIn(started.api.url, 'editor@dmtf.example');
    const { id } = await createDocument(editor, { organization: 'dmtf' });
    let fullCollections = 0;
    const countFull = (entries: PerformanceEntry[]) => {
      for (const entry of entries) {
        // A 'gc' entry's detail says which collection it was (Node's types leave it out).
        const { detail } = entry as PerformanceEntry & { detail: { kind: number } };
        if (detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections += 1;
      }
    };
    const observer = new PerformanceObserver((list) => countFull(list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    const answer = await postLargeVersion(editor, id);
    countFull(observer.takeRecords());
    observer.disconnect();

    expect(answer.status, answer.body).toBe(201);
    const expected = createHash('sha256');
    for (let hashed = 0; hashed < FILE_BYTES; hashed += CHUNK.length) expected.update(CHUNK);
    expect(JSON.parse(answer.body)).toMatchObject({
      size: FILE_BYTES,
      sha256: expected.digest('hex'),
    });
    // Without the sweep (`@liaison/body-buffers`), V8 runs a full mark-compact for
    // about every 64 MiB of the body's buffers: four or more for this file.
    expect(fullCollections).toBeLessThanOrEqual(1);
  });
});
