import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError, StorageError } from '../src/index.js';
import { MiB, PseudoRandomStream, serverForFile, sha256 } from './helpers.js';

const s3 = serverForFile();

describe('getBytes: a whole object in one buffer of its known size', () => {
  it('reads a multi-megabyte object byte for byte, and an empty one', async () => {
    const size = 9 * MiB + 17;
    const source = new PseudoRandomStream(size, 7);
    await s3.storage.putStream('bytes/large.bin', source);
    const bytes = await s3.storage.getBytes('bytes/large.bin', size);
    expect(bytes.length).toBe(size);
    expect(sha256(bytes)).toBe(source.sha256());

    await s3.storage.putStream('bytes/empty.bin', Readable.from([]));
    expect((await s3.storage.getBytes('bytes/empty.bin', 0)).length).toBe(0);
  });

  it('refuses an object of another size than the one expected, either way', async () => {
    await s3.storage.putStream('bytes/ten.bin', Readable.from([Buffer.from('0123456789')]));
    await expect(s3.storage.getBytes('bytes/ten.bin', 11)).rejects.toThrow(
      /shorter than the 11 bytes expected/,
    );
    await expect(s3.storage.getBytes('bytes/ten.bin', 9)).rejects.toThrow(
      /longer than the 9 bytes expected/,
    );
    await expect(s3.storage.getBytes('bytes/ten.bin', 9)).rejects.toBeInstanceOf(StorageError);
    expect((await s3.storage.getBytes('bytes/ten.bin', 10)).toString()).toBe('0123456789');
  });

  it('says when there is no such object', async () => {
    await expect(s3.storage.getBytes('bytes/missing.bin', 10)).rejects.toBeInstanceOf(
      ObjectNotFoundError,
    );
  });
});
