import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '@liaison/db';
import { describe, expect, it } from 'vitest';
import { signInThroughWeb } from '../bench/web-process.js';
import { requestWeb, usePortal } from './launch.js';

// Downloads through the web app as `npm start` runs it (`next start`): the browser gets the file's
// length, which Next.js alone drops from a route handler's answer, and exactly the file's bytes.
// Over 64 KiB, so the body crosses the servers in several chunks.
const FILE_SIZE = 3 * 1024 * 1024 + 17;

const portal = usePortal('liaison-downloads');

/** One request to the web app, as a browser sends it. */
const fromBrowser = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) => requestWeb(portal.ports.web, { method, path, headers, body });

async function apiCall<T>(path: string, token: string, init: RequestInit): Promise<T> {
  const answer = await fetch(`http://127.0.0.1:${portal.ports.api}${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A document of DMTF's with one version holding `file`; answers its download path. */
async function documentWithFile(
  visibility: 'public' | 'organization',
  file: Buffer,
): Promise<string> {
  const signedIn = await fetch(`http://127.0.0.1:${portal.ports.api}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@dmtf.example', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const document = await apiCall<{ id: string }>('/api/v1/documents', accessToken, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: 'dmtf',
      identifier: `DSP-DL-${visibility}`,
      title: `A ${visibility} download`,
      status: 'work-in-progress',
      visibility,
    }),
  });
  const form = new FormData();
  form.set('label', '1.0.0');
  form.set('file', new Blob([file], { type: 'application/octet-stream' }), 'file.bin');
  const version = await apiCall<{ id: string; size: number }>(
    `/api/v1/documents/${document.id}/versions`,
    accessToken,
    { method: 'POST', body: form },
  );
  expect(version.size).toBe(file.length);
  return `/documents/${document.id}/versions/${version.id}/download`;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('downloads through the web app', () => {
  it('carry the file’s Content-Length and its bytes, anonymous and signed in; ranges as before', async () => {
    const publicFile = randomBytes(FILE_SIZE);
    const privateFile = randomBytes(FILE_SIZE);
    const publicPath = await documentWithFile('public', publicFile);
    const privatePath = await documentWithFile('organization', privateFile);

    const anonymous = await fromBrowser('GET', publicPath);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['content-length']).toBe(String(FILE_SIZE));
    expect(anonymous.headers['transfer-encoding']).toBeUndefined();
    expect(anonymous.headers['x-liaison-download-length']).toBeUndefined();
    expect(sha256(anonymous.body)).toBe(sha256(publicFile));

    // The organization's file: not found for a stranger, whole for a signed-in member.
    expect((await fromBrowser('GET', privatePath)).status).toBe(404);
    const cookie = await signInThroughWeb(`http://127.0.0.1:${portal.ports.web}`, {
      email: 'member@dmtf.example',
      password: DEMO_PASSWORD,
      organization: 'dmtf',
    });
    const member = await fromBrowser('GET', privatePath, { cookie });
    expect(member.status).toBe(200);
    expect(member.headers['content-length']).toBe(String(FILE_SIZE));
    expect(sha256(member.body)).toBe(sha256(privateFile));

    const ranged = await fromBrowser('GET', privatePath, { cookie, range: 'bytes=100-199' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 100-199/${FILE_SIZE}`);
    expect(ranged.headers['content-length']).toBe('100');
    expect(ranged.body.equals(privateFile.subarray(100, 200))).toBe(true);

    const beyond = await fromBrowser('GET', privatePath, { cookie, range: `bytes=${FILE_SIZE}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${FILE_SIZE}`);
  });
});
