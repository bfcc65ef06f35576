import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createEmbeddedS3, type EmbeddedS3, findFreePort } from '@liaison/embedded-stack';
import { afterAll, beforeAll, expect } from 'vitest';
import { createS3Storage, type S3Storage, type S3StorageConfig } from '../src/index.js';

export const MiB = 1024 * 1024;

export interface TestServer {
  s3: EmbeddedS3;
  /** Where the server keeps its buckets on disk. */
  dataDir: string;
  /** Builds a storage client for this server; closed by `stop()`. */
  storage(overrides?: Partial<S3StorageConfig>): S3Storage;
  stop(): Promise<void>;
}

/** A real s3rver on loopback with its data in a fresh temporary directory. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-storage-test-'));
  const s3 = createEmbeddedS3({ dataDir, port: await findFreePort() });
  await s3.start();
  const clients: S3Storage[] = [];
  return {
    s3,
    dataDir,
    storage(overrides = {}) {
      const storage = createS3Storage({
        endpoint: s3.endpoint,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
        region: s3.region,
        bucket: 'liaison-test',
        ...overrides,
      });
      clients.push(storage);
      return storage;
    },
    async stop() {
      for (const client of clients) client.close();
      await s3.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test server for the file's tests, started before them and stopped after, with a storage
 * client (configured with `overrides`) whose bucket exists, both there from the first test on.
 */
export function serverForFile(overrides: Partial<S3StorageConfig> = {}): {
  server: TestServer;
  storage: S3Storage;
} {
  const started = {} as { server: TestServer; storage: S3Storage };
  beforeAll(async () => {
    started.server = await startTestServer();
    started.storage = started.server.storage(overrides);
    await started.storage.ensureBucket();
  });
  afterAll(async () => {
    await started.server?.stop();
  });
  return started;
}

const BLOCK = 64 * 1024;

/** Block `index` of the deterministic pseudo-random byte sequence `seed` (xorshift32). */
function fillBlock(target: Buffer, seed: number, index: number): void {
  // BLOCK-sized buffers have their own ArrayBuffer, so the view is aligned.
  const words = new Int32Array(target.buffer, target.byteOffset, target.length >>> 2);
  let x = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) | 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
}

/** The bytes `start..end` (inclusive) of the sequence `seed`, regenerated independently. */
export function expectedBytes(seed: number, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start + 1);
  const block = Buffer.alloc(BLOCK);
  for (let index = Math.floor(start / BLOCK); index * BLOCK <= end; index++) {
    fillBlock(block, seed, index);
    const blockStart = index * BLOCK;
    const from = Math.max(start, blockStart);
    const to = Math.min(end + 1, blockStart + BLOCK);
    block.copy(out, from - start, from - blockStart, to - blockStart);
  }
  return out;
}

/**
 * `size` pseudo-random bytes generated on demand (never held whole), hashed as they are
 * produced. `failAfter` makes the stream error once that many bytes have been produced.
 */
export class PseudoRandomStream extends Readable {
  private produced = 0;
  private readonly hash = createHash('sha256');
  private index = 0;

  constructor(
    private readonly size: number,
    private readonly seed: number,
    private readonly failAfter?: number,
  ) {
    super({ highWaterMark: BLOCK });
  }

  override _read(): void {
    if (this.failAfter !== undefined && this.produced >= this.failAfter) {
      this.destroy(new Error('generator failed on purpose'));
      return;
    }
    if (this.produced >= this.size) {
      this.push(null);
      return;
    }
    const block = Buffer.allocUnsafe(BLOCK);
    fillBlock(block, this.seed, this.index++);
    const chunk = block.subarray(0, Math.min(BLOCK, this.size - this.produced));
    this.produced += chunk.length;
    this.hash.update(chunk);
    this.push(chunk);
  }

  get bytesProduced(): number {
    return this.produced;
  }

  /** SHA-256 of everything produced; call after the stream ended. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }
}

export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function keys(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item.key);
  return out;
}

/** Nothing may be visible under `key` (nor under its prefix) after a failed upload. */
export async function expectNothingStored(storage: S3Storage, key: string): Promise<void> {
  expect(await storage.stat(key)).toBeUndefined();
  expect(await keys(storage.list(key))).toEqual([]);
}
