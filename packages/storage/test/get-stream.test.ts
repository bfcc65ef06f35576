import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tls from 'node:tls';
import { findFreePort } from '@liaison/embedded-stack';
import { describe, expect, it } from 'vitest';
import { createS3Storage, StorageError, StorageUnavailableError } from '../src/index.js';
import {
  expectedBytes,
  hashStream,
  MiB,
  PseudoRandomStream,
  serverForFile,
  sha256,
} from './helpers.js';

const s3 = serverForFile();
const SIZE = 12 * MiB + 321;
const KEY = 'get-stream/object.bin';

async function storeObject(): Promise<string> {
  const source = new PseudoRandomStream(SIZE, 21);
  await s3.storage.putStream(KEY, source, { size: SIZE });
  return source.sha256();
}

/** An HTTP server that answers every request by piping the object (or a range) into it. */
async function relay(range?: { start: number; end: number }, storage = s3.storage) {
  const server = http.createServer(async (_request, response) => {
    const body = await storage.getStream(KEY, range);
    response.writeHead(200);
    body.pipe(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as { port: number };
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`http://127.0.0.1:${port}/`, resolve).once('error', reject),
    );
    return await hashStream(response);
  } finally {
    server.close();
  }
}

/** A raw TCP server that answers every connection with `answer`, then closes it. */
async function answering(answer: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => socket.end(answer));
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A TLS endpoint on loopback in front of the test's s3rver (which speaks plain HTTP), with a
 * certificate for 127.0.0.1 that this process trusts: the path a real S3 endpoint (https) takes.
 */
async function tlsInFrontOfStore(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));
  const certificate = fixture('loopback-tls.crt');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), certificate.toString()]);
  const sockets = new Set<Socket>();
  const store = new URL(s3.server.s3.endpoint);
  const server = tls.createServer(
    { key: fixture('loopback-tls.key'), cert: certificate },
    (client) => {
      const upstream = connect(Number(store.port), store.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    endpoint: `https://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function storageAt(endpoint: string) {
  return createS3Storage({
    endpoint,
    accessKey: 'x',
    secretKey: 'y',
    bucket: 'liaison-test',
    region: 'us-east-1',
  });
}

describe('getStream', () => {
  it('relays an object into an HTTP response byte for byte, reusing its read buffers', async () => {
    const expected = await storeObject();
    expect(await relay()).toEqual({ sha256: expected, size: SIZE });
    const range = { start: 3 * MiB + 5, end: 9 * MiB + 77 };
    expect(await relay(range)).toEqual({
      sha256: sha256(expectedBytes(21, range.start, range.end)),
      size: range.end - range.start + 1,
    });
  });

  it('relays an object read over HTTPS byte for byte, whole and a range', async () => {
    const expected = await storeObject();
    const store = await tlsInFrontOfStore();
    const storage = s3.server.storage({ endpoint: store.endpoint });
    try {
      expect(await relay(undefined, storage)).toEqual({ sha256: expected, size: SIZE });
      const range = { start: 7 * MiB + 1, end: 11 * MiB };
      expect(await relay(range, storage)).toEqual({
        sha256: sha256(expectedBytes(21, range.start, range.end)),
        size: range.end - range.start + 1,
      });
      const kept = await hashStream(await storage.getStream(KEY));
      expect(kept).toEqual({ sha256: expected, size: SIZE });
    } finally {
      storage.close();
      await store.close();
    }
  });

  it('gives any other writable chunks of its own, which it may keep', async () => {
    const expected = await storeObject();
    const kept: Buffer[] = [];
    const keeper = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        kept.push(chunk);
        callback();
      },
    });
    await pipeline(await s3.storage.getStream(KEY), keeper);
    const whole = Buffer.concat(kept);
    expect(whole.length).toBe(SIZE);
    expect(sha256(whole)).toBe(expected);
  });

  it('fails the stream when the connection breaks off before the last byte', async () => {
    const store = await answering('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789');
    const storage = storageAt(store.endpoint);
    try {
      const body = await storage.getStream('cut/short');
      const error = await (async () => {
        for await (const _ of body);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).message).toMatch(/broke off after 10 of 100 bytes/);
    } finally {
      storage.close();
      await store.close();
    }
  });

  it('refuses an answer without a Content-Length', async () => {
    const store = await answering(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    const storage = storageAt(store.endpoint);
    try {
      const error = await storage.getStream('no/length').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as Error).message).toMatch(/no Content-Length/);
    } finally {
      storage.close();
      await store.close();
    }
  });
});
