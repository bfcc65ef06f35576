import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { serveIncompleteUploads } from './s3rver-incomplete-uploads.js';
import { speedUpMultipartCompletion } from './s3rver-multipart.js';

export interface EmbeddedS3Options {
  dataDir: string;
  port: number;
}

export interface EmbeddedS3 {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly region: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<unknown>;
  close(): Promise<unknown>;
  httpServer?: Server;
  store: Parameters<typeof speedUpMultipartCompletion>[0] &
    Parameters<typeof serveIncompleteUploads>[1];
  middleware: Parameters<typeof serveIncompleteUploads>[0]['middleware'];
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

// s3rver is CommonJS without type declarations.
const require = createRequire(import.meta.url);

/** The only credentials s3rver accepts; it is bound to loopback, so they guard nothing. */
const CREDENTIALS = { accessKey: 'S3RVER', secretKey: 'S3RVER' };

export function createEmbeddedS3(options: EmbeddedS3Options): EmbeddedS3 {
  let server: S3rverInstance | undefined;
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    ...CREDENTIALS,
    region: 'us-east-1',
    async start() {
      await mkdir(options.dataDir, { recursive: true });
      const S3rver = require('@20minutes/s3rver') as S3rverClass;
      server = new S3rver({
        address: '127.0.0.1',
        port: options.port,
        directory: options.dataDir,
        silent: true,
        // Path-style addressing only: the clients are configured with an IP endpoint.
        vhostBuckets: false,
      });
      speedUpMultipartCompletion(server.store);
      serveIncompleteUploads(server, server.store);
      await server.run();
    },
    async stop() {
      const running = server;
      server = undefined;
      if (!running) return;
      // close() waits for idle keep-alive sockets too; drop them so stopping is immediate.
      running.httpServer?.closeAllConnections();
      await running.close();
    },
  };
}
