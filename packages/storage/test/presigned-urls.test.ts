import { describe, expect, it } from 'vitest';
import { collect, serverForFile, sha256 } from './helpers.js';

const s3 = serverForFile();

describe('presigned URLs', () => {
  it('let a client without credentials PUT and GET an object directly', async () => {
    const key = 'presigned/round-trip.bin';
    const body = Buffer.from('bytes that never went through the API');
    const put = await fetch(await s3.storage.presignedPutUrl(key), { method: 'PUT', body });
    expect(put.status).toBe(200);

    const stored = await collect(await s3.storage.getStream(key));
    expect(sha256(stored)).toBe(sha256(body));

    const get = await fetch(await s3.storage.presignedGetUrl(key, 60));
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(body)).toBe(true);
  });

  it('are refused by the store once tampered with', async () => {
    const url = new URL(await s3.storage.presignedGetUrl('presigned/round-trip.bin'));
    url.pathname = url.pathname.replace('round-trip', 'other');
    const response = await fetch(url);
    expect(response.status).toBe(403);
    await response.arrayBuffer();
  });

  it('reject invalid keys and expiries without calling the store', async () => {
    await expect(s3.storage.presignedPutUrl('../escape')).rejects.toThrow(TypeError);
    await expect(s3.storage.presignedGetUrl('ok/key', 0)).rejects.toThrow(TypeError);
    await expect(s3.storage.presignedGetUrl('ok/key', 604_801)).rejects.toThrow(TypeError);
  });
});
