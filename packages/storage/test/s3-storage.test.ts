import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PART_SIZE,
  InvalidRangeError,
  ObjectNotFoundError,
  ObjectTooLargeError,
  SourceStreamError,
  UploadAbortedError,
} from '../src/index.js';
import {
  collect,
  expectedBytes,
  expectNothingStored,
  hashStream,
  keys,
  MiB,
  PseudoRandomStream,
  serverForFile,
  sha256,
} from './helpers.js';

const s3 = serverForFile();

describe('putStream / getStream round trip', () => {
  it('streams 100 MiB of unknown length through multipart upload and back, ranges included', async () => {
    const size = 100 * MiB;
    const seed = 42;
    const key = 'roundtrip/large.bin';
    const source = new PseudoRandomStream(size, seed);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 10);
    const stored = await s3.storage
      .putStream(key, source, { contentType: 'application/x-test' })
      .finally(() => clearInterval(sampler));
    // Informational only (s3rver runs in this process too); the benchmark holds the bar.
    console.info(`100 MiB put: RSS grew by ${((rssPeak - rssBefore) / MiB).toFixed(1)} MiB`);

    expect(stored.key).toBe(key);
    expect(stored.size).toBe(size);
    expect(stored.sha256).toBe(source.sha256());
    expect(stored.etag).toMatch(/^[0-9a-f]{32}(-\d+)?$/);

    const info = await s3.storage.stat(key);
    expect(info).toMatchObject({ key, size, contentType: 'application/x-test' });
    expect(info?.lastModified).toBeInstanceOf(Date);

    expect(await hashStream(await s3.storage.getStream(key))).toEqual({
      sha256: stored.sha256,
      size,
    });

    const middle = await collect(
      await s3.storage.getStream(key, { start: 10_000_000, end: 10_000_099 }),
    );
    expect(middle.length).toBe(100);
    expect(middle.equals(expectedBytes(seed, 10_000_000, 10_000_099))).toBe(true);

    // Open-ended tail spanning a part boundary of the generator's blocks.
    const tailStart = size - 70_000;
    const tail = await collect(await s3.storage.getStream(key, { start: tailStart }));
    expect(tail.length).toBe(70_000);
    expect(tail.equals(expectedBytes(seed, tailStart, size - 1))).toBe(true);

    const head = await collect(await s3.storage.getStream(key, { start: 0, end: 9 }));
    expect(head.equals(expectedBytes(seed, 0, 9))).toBe(true);
  });

  it('stores a small stream of unknown length with a single PUT, hash in metadata', async () => {
    const key = 'roundtrip/small.txt';
    const pieces = Array.from({ length: 200 }, (_, i) => `line ${i} of a small stream\n`);
    const expected = Buffer.from(pieces.join(''));
    const stored = await s3.storage.putStream(key, Readable.from(pieces), {
      contentType: 'text/plain',
    });
    expect(stored).toMatchObject({ key, size: expected.length, sha256: sha256(expected) });

    const info = await s3.storage.stat(key);
    expect(info).toMatchObject({
      size: expected.length,
      contentType: 'text/plain',
      etag: stored.etag,
    });
    expect(info?.metadata).toEqual({ sha256: sha256(expected) });

    expect((await collect(await s3.storage.getStream(key))).equals(expected)).toBe(true);
    const range = await collect(await s3.storage.getStream(key, { start: 5, end: 9 }));
    expect(range.toString()).toBe(expected.subarray(5, 10).toString());
  });

  it('stores an empty stream', async () => {
    const stored = await s3.storage.putStream('roundtrip/empty', Readable.from([]));
    expect(stored).toMatchObject({ size: 0, sha256: sha256('') });
    expect(await s3.storage.stat('roundtrip/empty')).toMatchObject({ size: 0 });
    expect((await collect(await s3.storage.getStream('roundtrip/empty'))).length).toBe(0);
  });

  it('handles a stream of exactly one part (multipart with a single part)', async () => {
    const source = new PseudoRandomStream(DEFAULT_PART_SIZE, 7);
    const stored = await s3.storage.putStream('roundtrip/one-part', source);
    expect(stored).toMatchObject({ size: DEFAULT_PART_SIZE, sha256: source.sha256() });
    expect(await hashStream(await s3.storage.getStream('roundtrip/one-part'))).toEqual({
      sha256: source.sha256(),
      size: DEFAULT_PART_SIZE,
    });
  });

  it('replaces an existing object', async () => {
    const key = 'roundtrip/replaced';
    await s3.storage.putStream(key, Readable.from([Buffer.from('first version')]));
    await s3.storage.putStream(key, Readable.from([Buffer.from('second')]));
    expect((await collect(await s3.storage.getStream(key))).toString()).toBe('second');
  });
});

describe('failed uploads leave nothing behind', () => {
  it('rejects with SourceStreamError when the source errors midway, and stores nothing', async () => {
    const key = 'failed/source-error.bin';
    const source = new PseudoRandomStream(100 * MiB, 1, 20 * MiB);
    const error = await s3.storage.putStream(key, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceStreamError);
    expect((error as Error).message).toMatch(/generator failed on purpose/);
    await expectNothingStored(s3.storage, key);
  });

  it('rejects with SourceStreamError when the source errors before one part is read', async () => {
    const key = 'failed/early-source-error.bin';
    const source = new PseudoRandomStream(100 * MiB, 1, 100_000);
    await expect(s3.storage.putStream(key, source)).rejects.toBeInstanceOf(SourceStreamError);
    await expectNothingStored(s3.storage, key);
  });

  it('rejects with ObjectTooLargeError past maxBytes in a multipart upload, and stores nothing', async () => {
    const key = 'failed/too-large.bin';
    const source = new PseudoRandomStream(40 * MiB, 2);
    const error = await s3.storage
      .putStream(key, source, { maxBytes: 20 * MiB })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectTooLargeError);
    expect((error as ObjectTooLargeError).limit).toBe(20 * MiB);
    await expectNothingStored(s3.storage, key);
    // Stopped reading soon after the limit, and left the source to its owner.
    expect(source.bytesProduced).toBeLessThan(20 * MiB + 2 * 64 * 1024 + 1);
    expect(source.destroyed).toBe(false);
  });

  it('rejects with ObjectTooLargeError past maxBytes in a small upload', async () => {
    const key = 'failed/too-large-small.bin';
    const error = await s3.storage
      .putStream(key, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectTooLargeError);
    expect((error as ObjectTooLargeError).limit).toBe(1000);
    await expectNothingStored(s3.storage, key);
  });

  it('accepts exactly maxBytes', async () => {
    const stored = await s3.storage.putStream(
      'roundtrip/exact-limit',
      Readable.from([Buffer.alloc(600), Buffer.alloc(400)]),
      { maxBytes: 1000 },
    );
    expect(stored.size).toBe(1000);
  });

  it('rejects with UploadAbortedError when the signal aborts midway, and stores nothing', async () => {
    const key = 'failed/aborted.bin';
    const controller = new AbortController();
    const source = new PseudoRandomStream(100 * MiB, 3);
    source.on('data', () => {
      if (source.bytesProduced >= 20 * MiB) controller.abort(new Error('client went away'));
    });
    source.pause(); // 'data' listener above must not switch the stream to flowing mode
    const error = await s3.storage
      .putStream(key, source, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadAbortedError);
    expect((error as Error).cause).toEqual(new Error('client went away'));
    await expectNothingStored(s3.storage, key);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const key = 'failed/pre-aborted.bin';
    await expect(
      s3.storage.putStream(key, Readable.from(['x']), { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(UploadAbortedError);
    await expectNothingStored(s3.storage, key);
  });

  it('rejects keys outside the safe alphabet', async () => {
    for (const key of ['', '/abs', 'a//b', 'a/../b', 'name with space', 'ümlaut', 'a+b']) {
      await expect(s3.storage.putStream(key, Readable.from(['x']))).rejects.toBeInstanceOf(
        TypeError,
      );
    }
  });
});

describe('stat, delete, list, getStream errors', () => {
  it('stat of a missing key is undefined; delete of a missing key succeeds', async () => {
    expect(await s3.storage.stat('missing/nothing-here')).toBeUndefined();
    await expect(s3.storage.delete('missing/nothing-here')).resolves.toBeUndefined();
  });

  it('getStream of a missing key rejects with ObjectNotFoundError', async () => {
    await expect(s3.storage.getStream('missing/nothing-here')).rejects.toBeInstanceOf(
      ObjectNotFoundError,
    );
    await expect(s3.storage.getStream('missing/nothing-here', { start: 1 })).rejects.toBeInstanceOf(
      ObjectNotFoundError,
    );
  });

  it('rejects malformed or unsatisfiable ranges with InvalidRangeError', async () => {
    const key = 'ranges/ten';
    await s3.storage.putStream(key, Readable.from([Buffer.from('0123456789')]));
    await expect(s3.storage.getStream(key, { start: 5, end: 4 })).rejects.toBeInstanceOf(
      InvalidRangeError,
    );
    await expect(s3.storage.getStream(key, { start: -1 })).rejects.toBeInstanceOf(
      InvalidRangeError,
    );
    await expect(s3.storage.getStream(key, { start: 10 })).rejects.toBeInstanceOf(
      InvalidRangeError,
    );
    // An end past the object is clamped, as in HTTP.
    expect(
      (await collect(await s3.storage.getStream(key, { start: 8, end: 100 }))).toString(),
    ).toBe('89');
  });

  it('deletes objects', async () => {
    await s3.storage.putStream('delete/me', Readable.from(['bye']));
    await s3.storage.delete('delete/me');
    expect(await s3.storage.stat('delete/me')).toBeUndefined();
  });

  it('lists exactly the objects under a prefix, across pages', async () => {
    const inside = ['list/a/1', 'list/a/2', 'list/a/deeper/3', 'list/a/x', 'list/a/y'];
    const outside = ['list/b/1', 'list/ab', 'lis'];
    for (const key of [...inside, ...outside]) {
      await s3.storage.putStream(key, Readable.from([key]));
    }
    expect(await keys(s3.storage.list('list/a/'))).toEqual(inside);

    const paged = s3.server.storage({ listPageSize: 2 });
    expect(await keys(paged.list('list/a/'))).toEqual(inside);
    expect(await keys(paged.list('list/'))).toEqual([...inside, 'list/ab', 'list/b/1']);
    expect(await keys(paged.list('nothing/'))).toEqual([]);

    const entries = [];
    for await (const entry of s3.storage.list('list/a/1')) entries.push(entry);
    expect(entries).toEqual([
      { key: 'list/a/1', size: 8, lastModified: expect.any(Date), etag: expect.any(String) },
    ]);
  });
});

describe('ensureBucket', () => {
  it('is idempotent', async () => {
    await s3.storage.ensureBucket();
    await s3.storage.ensureBucket();
    await expect(s3.storage.isReachable()).resolves.toBeUndefined();
  });

  it('creates a missing bucket, also when several callers race', async () => {
    const racers = [1, 2, 3, 4].map(() => s3.server.storage({ bucket: 'liaison-race' }));
    await expect(racers[0]!.isReachable()).rejects.toThrow(/does not exist/);
    await Promise.all(racers.map((s) => s.ensureBucket()));
    await expect(racers[0]!.isReachable()).resolves.toBeUndefined();
    const stored = await racers[1]!.putStream('in/race-bucket', Readable.from(['ok']));
    expect(stored.size).toBe(2);
  });
});
