import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { MULTIPART_TYPE, multipartBody } from './raw-requests.js';
import { field, filePart } from './submission-fixtures.js';

let api: RunningApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

interface SlowUpload {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; connection: string | undefined; body: string }>;
  request: http.ClientRequest;
}

/** An upload of `content` whose body is sent in two halves: the second when `finish` is called. */
function slowUpload(
  running: RunningApi,
  token: string,
  documentId: string,
  content: Buffer,
): SlowUpload {
  const body = multipartBody([field('label', '1.0'), filePart('large.pdf', content)]);
  const url = new URL(`/api/v1/documents/${documentId}/versions`, running.url);
  const request = http.request(url, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': MULTIPART_TYPE,
      'content-length': body.length,
    },
  });
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>(
    (resolve, reject) => {
      request.once('error', reject);
      request.once('response', (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.once('end', () =>
          resolve({
            status: answer.statusCode ?? 0,
            connection: answer.headers.connection,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    },
  );
  const half = Math.floor(body.length / 2);
  request.write(body.subarray(0, half));
  return { finish: () => request.end(body.subarray(half)), response, request };
}

/** Resolves once the server has received the headers of a POST. */
function posted(running: RunningApi): Promise<void> {
  return new Promise((resolve) => {
    const seen = (request: http.IncomingMessage) => {
      if (request.method !== 'POST') return;
      running.app.server.off('request', seen);
      resolve();
    };
    running.app.server.on('request', seen);
  });
}

describe('graceful drain (SIGTERM)', () => {
  it('refuses new connections, answers /readyz 503, and finishes the upload in flight', async () => {
    api = await startApi();
    const editor = await TestClient.signIn(api.url, 'editor@ofa.example');
    const document = await createDocument(editor, { organization: 'ofa' });
    const content = randomBytes(3 * 1024 * 1024);
    const received = posted(api);
    const upload = slowUpload(api, editor.token!, document.id, content);
    await received;

    const drained = api.app.drain.drain(60_000);
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'draining' });
    await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();

    upload.finish();
    const answer = await upload.response;
    expect(answer.status, answer.body).toBe(201);
    expect(answer.connection).toBe('close');
    expect(await drained).toBe(true);

    const { rows } = await api.pool.query<{ sha256: string }>(
      'select sha256 from document_versions where document_id = $1',
      [document.id],
    );
    expect(rows).toEqual([{ sha256: createHash('sha256').update(content).digest('hex') }]);
  });

  it('gives up waiting when the grace period ends first', async () => {
    api = await startApi();
    const editor = await TestClient.signIn(api.url, 'editor@ofa.example');
    const document = await createDocument(editor, { organization: 'ofa' });
    const received = posted(api);
    const upload = slowUpload(api, editor.token!, document.id, randomBytes(1024 * 1024));
    upload.response.catch(() => {});
    await received;
    expect(await api.app.drain.drain(200)).toBe(false);
    upload.request.destroy();
  });
});
