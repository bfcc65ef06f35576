import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PART_SIZE, type S3Storage } from '../src/index.js';
import {
  collect,
  expectedBytes,
  hashStream,
  PseudoRandomStream,
  startTestServer,
  type TestServer,
} from './helpers.js';

// The embedded S3 server completes multipart uploads its own way (packages/embedded-stack,
// s3rver-multipart.ts): these check that what it assembles is exactly what was sent.
let server: TestServer;
let storage: S3Storage;

beforeAll(async () => {
  server = await startTestServer();
  storage = server.storage({ partSize: MIN_PART_SIZE });
  await storage.ensureBucket();
});

afterAll(async () => {
  await server?.stop();
});

describe('multipart uploads on the embedded S3 server', () => {
  it('assemble the parts in order, with an S3-style multipart ETag', async () => {
    const size = 3 * MIN_PART_SIZE + 12_345;
    const source = new PseudoRandomStream(size, 7);
    const stored = await storage.putStream('multipart/assembled.bin', source);
    expect(stored.size).toBe(size);
    expect(stored.etag).toMatch(/^[0-9a-f]{32}-4$/);

    expect(await hashStream(await storage.getStream('multipart/assembled.bin'))).toEqual({
      sha256: source.sha256(),
      size,
    });
    const info = await storage.stat('multipart/assembled.bin');
    expect(info).toMatchObject({ size, etag: stored.etag });

    // Ranges across each part boundary.
    for (const boundary of [MIN_PART_SIZE, 2 * MIN_PART_SIZE, 3 * MIN_PART_SIZE]) {
      const range = { start: boundary - 100, end: boundary + 99 };
      const bytes = await collect(await storage.getStream('multipart/assembled.bin', range));
      expect(bytes.equals(expectedBytes(7, range.start, range.end))).toBe(true);
    }
  });

  it('replace an existing object as a whole', async () => {
    const key = 'multipart/replaced.bin';
    await storage.putStream(key, new PseudoRandomStream(2 * MIN_PART_SIZE + 1, 1));
    const second = new PseudoRandomStream(MIN_PART_SIZE + 10, 2);
    await storage.putStream(key, second);
    const stored = await hashStream(await storage.getStream(key));
    expect(stored).toEqual({ sha256: second.sha256(), size: MIN_PART_SIZE + 10 });
  });
});
