import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedGet } from './light-get.js';

// The bench's timed downloads count bytes with countedGet instead of node:http: a wrong count or a
// lost header would make every download figure of `npm run bench` wrong without failing the run.
const BODY = Buffer.alloc(3 * 1024 * 1024 + 17, 'a');
let server: Server;
let base: string;
const seenHeaders: Record<string, string | string[] | undefined>[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenHeaders.push(request.headers);
    if (request.url === '/missing') {
      response.writeHead(404, { 'content-type': 'text/plain', 'content-length': 9 });
      return response.end('not found');
    }
    if (request.url === '/unsized') {
      // No Content-Length: chunked, then the connection closes (Connection: close was asked).
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write(BODY.subarray(0, 1000));
      return response.end(BODY.subarray(1000, 2000));
    }
    // A long head, so the head and the first body bytes may span reads.
    response.writeHead(200, { 'content-length': BODY.length, 'x-padding': 'p'.repeat(4000) });
    // In pieces, so the body arrives over many reads.
    for (let offset = 0; offset < BODY.length; offset += 65_536) {
      response.write(BODY.subarray(offset, offset + 65_536));
    }
    response.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

describe('countedGet, the bench download client', () => {
  it('counts every body byte, reads the status and Content-Length, and sends the headers', async () => {
    const answer = await countedGet(`${base}/file?x=1`, { authorization: 'Bearer t' });
    expect(answer).toEqual({ status: 200, contentLength: BODY.length, bytes: BODY.length });
    expect(seenHeaders.at(-1)?.authorization).toBe('Bearer t');
  });

  it('gives an error status with its body counted', async () => {
    expect(await countedGet(`${base}/missing`)).toEqual({
      status: 404,
      contentLength: 9,
      bytes: 9,
    });
  });

  it('reports an answer without Content-Length, counted to the connection end', async () => {
    const answer = await countedGet(`${base}/unsized`);
    expect(answer.status).toBe(200);
    expect(answer.contentLength).toBeUndefined();
    // Chunked framing is counted with the body: such an answer can never pass download()'s check.
    expect(answer.bytes).toBeGreaterThan(2000);
  });

  it('rejects when nothing listens', async () => {
    await expect(countedGet('http://127.0.0.1:1/')).rejects.toThrow();
  });
});
