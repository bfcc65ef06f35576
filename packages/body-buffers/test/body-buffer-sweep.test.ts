import { once } from 'node:events';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sweepBodyBuffers, sweepWebBody } from '../src/index.js';

const MiB = 1024 * 1024;
const BODY_BYTES = 64 * MiB;
/** The body is this chunk over and over: nothing is allocated per chunk, so V8 has no reason of
 * its own to collect the young generation while it passes. */
const CHUNK = new Uint8Array(MiB).fill(7);

/** Young-generation collections (scavenges) V8 ran while `work` did. */
async function youngCollectionsDuring(work: () => Promise<number>) {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const bytes = await work();
  // V8 reports collections to observers a little later, from a task of its own.
  await sleep(100);
  observer.disconnect();
  // A 'gc' entry's detail says which collection it was (Node's types leave it out).
  const minor = entries.filter(
    (entry) =>
      (entry as PerformanceEntry & { detail: { kind: number } }).detail.kind ===
      constants.NODE_PERFORMANCE_GC_MINOR,
  );
  return { bytes, collections: minor.length };
}

async function readNodeBody(sweep: boolean): Promise<number> {
  const body = new PassThrough();
  let bytes = 0;
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  if (sweep) sweepBodyBuffers(body);
  for (let sent = 0; sent < BODY_BYTES; sent += CHUNK.length) {
    if (!body.write(CHUNK)) await once(body, 'drain');
  }
  body.end();
  await once(body, 'end');
  return bytes;
}

function webBody(): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= BODY_BYTES) return controller.close();
      sent += CHUNK.length;
      controller.enqueue(CHUNK);
    },
  });
}

async function readWebBody(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.byteLength;
  return bytes;
}

describe('the body-buffer sweep', () => {
  it('collects the young generation every 16 MiB of a Node stream, and passes every byte on', async () => {
    const swept = await youngCollectionsDuring(() => readNodeBody(true));
    const plain = await youngCollectionsDuring(() => readNodeBody(false));
    expect(swept.bytes).toBe(BODY_BYTES);
    // 64 MiB in 16 MiB steps; the count carries over between bodies, so at least three.
    expect(swept.collections).toBeGreaterThanOrEqual(3);
    expect(plain.collections).toBeLessThan(swept.collections);
  });

  it('does the same for a web stream passed through sweepWebBody', async () => {
    const swept = await youngCollectionsDuring(() => readWebBody(sweepWebBody(webBody())));
    const plain = await youngCollectionsDuring(() => readWebBody(webBody()));
    expect(swept.bytes).toBe(BODY_BYTES);
    expect(swept.collections).toBeGreaterThanOrEqual(3);
    expect(plain.collections).toBeLessThan(swept.collections);
  });
});
