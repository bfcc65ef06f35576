import { createServer, type Server, type Socket } from 'node:net';
import { findFreePort } from '@liaison/embedded-stack';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Storage, StorageUnavailableError } from '../src/index.js';
import { MiB, PseudoRandomStream, startTestServer, type TestServer } from './helpers.js';

describe('isReachable', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('resolves while the server runs and rejects once it is stopped', async () => {
    server = await startTestServer();
    const storage = server.storage();
    await storage.ensureBucket();
    await expect(storage.isReachable()).resolves.toBeUndefined();

    await server.s3.stop();
    const error = await storage.isReachable().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toMatch(/not reachable/);
    // Other calls fail too, with a storage error rather than hanging.
    await expect(storage.stat('anything')).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('getStream rejects with StorageUnavailableError once the server is stopped', async () => {
    server = await startTestServer();
    const storage = server.storage();
    await storage.ensureBucket();
    await server.s3.stop();
    await expect(storage.getStream('anything')).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('rejects when the server accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    const storage = createS3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      accessKey: 'x',
      secretKey: 'y',
      bucket: 'liaison-test',
      region: 'us-east-1',
      probeTimeoutMs: 300,
      connectTimeoutMs: 200,
      responseTimeoutMs: 300,
    });
    try {
      const error = await storage.isReachable().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).message).toMatch(/did not answer|no answer/);
      // A read waits for the headers no longer than its connect and response times together.
      const read = await storage.getStream('anything').catch((e: unknown) => e);
      expect(read).toBeInstanceOf(StorageUnavailableError);
      expect((read as Error).message).toMatch(/did not answer within 500 ms/);
    } finally {
      storage.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('putStream rejects with StorageUnavailableError when the server goes away mid-upload', async () => {
    server = await startTestServer();
    const running = server;
    const storage = running.storage();
    await storage.ensureBucket();
    const source = new PseudoRandomStream(100 * MiB, 9);
    let stopping: Promise<void> | undefined;
    source.on('data', () => {
      if (source.bytesProduced >= 20 * MiB) stopping ??= running.s3.stop();
    });
    source.pause();
    const error = await storage.putStream('gone/mid-upload', source).catch((e: unknown) => e);
    await stopping;
    expect(error).toBeInstanceOf(StorageUnavailableError);
  });
});
