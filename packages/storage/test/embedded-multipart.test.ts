import { describe, expect, it } from 'vitest';
import { MIN_PART_SIZE } from '../src/index.js';
import {
  collect,
  expectedBytes,
  hashStream,
  PseudoRandomStream,
  serverForFile,
} from './helpers.js';

// The embedded S3 server completes multipart uploads its own way (packages/embedded-stack,
// s3rver-multipart.ts): these check that what it assembles is exactly what was sent.
const s3 = serverForFile({ partSize: MIN_PART_SIZE });

describe('multipart uploads on the embedded S3 server', () => {
  it('assemble the parts in order, with an S3-style multipart ETag', async () => {
    const size = 3 * MIN_PART_SIZE + 12_345;
    const source = new PseudoRandomStream(size, 7);
    const stored = await s3.storage.putStream('multipart/assembled.bin', source);
    expect(stored.size).toBe(size);
    expect(stored.etag).toMatch(/^[0-9a-f]{32}-4$/);

    expect(await hashStream(await s3.storage.getStream('multipart/assembled.bin'))).toEqual({
      sha256: source.sha256(),
      size,
    });
    const info = await s3.storage.stat('multipart/assembled.bin');
    expect(info).toMatchObject({ size, etag: stored.etag });

    // Ranges across each part boundary.
    for (const boundary of [MIN_PART_SIZE, 2 * MIN_PART_SIZE, 3 * MIN_PART_SIZE]) {
      const range = { start: boundary - 100, end: boundary + 99 };
      const bytes = await collect(await s3.storage.getStream('multipart/assembled.bin', range));
      expect(bytes.equals(expectedBytes(7, range.start, range.end))).toBe(true);
    }
  });

  it('replace an existing object as a whole', async () => {
    const key = 'multipart/replaced.bin';
    await s3.storage.putStream(key, new PseudoRandomStream(2 * MIN_PART_SIZE + 1, 1));
    const second = new PseudoRandomStream(MIN_PART_SIZE + 10, 2);
    await s3.storage.putStream(key, second);
    const stored = await hashStream(await s3.storage.getStream(key));
    expect(stored).toEqual({ sha256: second.sha256(), size: MIN_PART_SIZE + 10 });
  });
});
