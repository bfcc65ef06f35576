import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ObjectSizeMismatchError, ObjectTooLargeError, SourceStreamError } from '../src/index.js';
import {
  expectNothingStored,
  hashStream,
  MiB,
  PseudoRandomStream,
  serverForFile,
} from './helpers.js';

const s3 = serverForFile();

describe('putStream with a declared size: one streamed PUT', () => {
  it('stores a body larger than a part in one PUT, with its SHA-256 and size', async () => {
    const key = 'sized/large.bin';
    const source = new PseudoRandomStream(20 * MiB, 3);
    const stored = await s3.storage.putStream(key, source, { size: 20 * MiB });
    expect(stored).toMatchObject({ key, size: 20 * MiB, sha256: source.sha256() });
    // A multipart upload's entity tag ends in -<parts>; a single PUT's does not.
    expect(stored.etag).not.toMatch(/-\d+$/);
    expect(await hashStream(await s3.storage.getStream(key))).toEqual({
      sha256: source.sha256(),
      size: 20 * MiB,
    });
  });

  it('stores an empty body declared empty', async () => {
    const stored = await s3.storage.putStream('sized/empty', Readable.from([]), { size: 0 });
    expect(stored.size).toBe(0);
    expect(await s3.storage.stat('sized/empty')).toMatchObject({ size: 0 });
  });

  it.each([
    ['shorter', 10 * MiB + 1, /shorter/],
    ['longer', 10 * MiB - 1, /longer/],
  ])('refuses a body %s than declared, and stores nothing', async (_, declared, message) => {
    const key = `sized/mismatch-${declared}`;
    const error = await s3.storage
      .putStream(key, new PseudoRandomStream(10 * MiB, 4), { size: declared })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectSizeMismatchError);
    expect((error as Error).message).toMatch(message);
    await expectNothingStored(s3.storage, key);
  });

  it('refuses a declared size over maxBytes before reading a byte', async () => {
    const source = new PseudoRandomStream(MiB, 5);
    const error = await s3.storage
      .putStream('sized/too-large', source, { size: MiB, maxBytes: MiB - 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectTooLargeError);
    expect(source.bytesProduced).toBe(0);
    await expectNothingStored(s3.storage, 'sized/too-large');
  });

  it('rejects with SourceStreamError when the source fails midway, and stores nothing', async () => {
    const key = 'sized/source-error.bin';
    const source = new PseudoRandomStream(20 * MiB, 6, 5 * MiB);
    const error = await s3.storage.putStream(key, source, { size: 20 * MiB }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceStreamError);
    await expectNothingStored(s3.storage, key);
  });
});
