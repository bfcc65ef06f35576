import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Storage } from '../src/index.js';
import { collect, sha256, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let storage: S3Storage;

beforeAll(async () => {
  server = await startTestServer();
  storage = server.storage();
  await storage.ensureBucket();
});

afterAll(async () => {
  await server?.stop();
});

describe('presigned URLs', () => {
  it('let a client without credentials PUT and GET an object directly', async () => {
    const key = 'presigned/round-trip.bin';
    const body = Buffer.from('bytes that never went through the API');
    const put = await fetch(await storage.presignedPutUrl(key), { method: 'PUT', body });
    expect(put.status).toBe(200);

    const stored = await collect(await storage.getStream(key));
    expect(sha256(stored)).toBe(sha256(body));

    const get = await fetch(await storage.presignedGetUrl(key, 60));
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(body)).toBe(true);
  });

  it('are refused by the store once tampered with', async () => {
    const url = new URL(await storage.presignedGetUrl('presigned/round-trip.bin'));
    url.pathname = url.pathname.replace('round-trip', 'other');
    const response = await fetch(url);
    expect(response.status).toBe(403);
    await response.arrayBuffer();
  });

  it('reject invalid keys and expiries without calling the store', async () => {
    await expect(storage.presignedPutUrl('../escape')).rejects.toThrow(TypeError);
    await expect(storage.presignedGetUrl('ok/key', 0)).rejects.toThrow(TypeError);
    await expect(storage.presignedGetUrl('ok/key', 604_801)).rejects.toThrow(TypeError);
  });
});
