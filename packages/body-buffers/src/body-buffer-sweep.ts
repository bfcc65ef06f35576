import type { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Bytes of relayed bodies between two collections of V8's young generation, counted over every
 * body of the process together.
 *
 * Why: Node's HTTP parser copies each chunk of a request body into a buffer of its own, and its
 * HTTP clients (`fetch` twice over) do the same with each chunk of a response body. The buffers
 * die young, but V8 counts them as external memory, and once 64 MiB of it has been allocated since
 * the last full collection it runs a full mark-compact of the whole heap; the young generation,
 * which would free them for almost nothing, is hardly ever collected meanwhile, since each
 * buffer's own object is tiny. A 1 GiB upload set off about 40 mark-compacts of the API's heap,
 * half of the API's CPU. Collecting the young generation every 16 MiB (a quarter of that 64 MiB,
 * leaving room for the buffers of other bodies and clients in the same process) frees the buffers
 * first, and no mark-compact is needed (`npm run bench`, README).
 */
const BODY_BYTES_PER_YOUNG_COLLECTION = 16 * 1024 * 1024;

type YoungCollection = () => void;

/**
 * Heap growth allowed before V8's next full collection, in percent of what the last one kept.
 *
 * Why: after an idle spell V8 sizes the old generation close to what it holds (a limit of 64 MiB
 * for 54 MiB live in the API), starts incremental marking again right after each mark-compact,
 * and a young collection asked for meanwhile finishes that marking as a mark-compact: every 16
 * MiB once more. Letting the old generation double before its next full collection keeps full
 * collections for real growth; the cost is at most the old generation's size again in memory.
 */
const HEAP_GROWING_PERCENT = 100;

/**
 * V8's `gc`, asked for the young generation only. The flags are set here rather than on the
 * command line so that every way of starting the process (npm, the launcher, Docker, tests) gets
 * them; `gc` comes from a new context, so no global `gc` appears in the process's own.
 * Undefined on a runtime without it: bodies then flow as before, only with more CPU.
 */
function youngGenerationCollection(): YoungCollection | undefined {
  setFlagsFromString('--expose-gc');
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
  if (typeof gc !== 'function') return undefined;
  return () => gc({ type: 'minor' });
}

let collectYoungGeneration: YoungCollection | undefined | null = null;
let bytesSinceCollection = 0;

/**
 * Counts `bytes` more of a relayed body and collects the young generation every
 * {@link BODY_BYTES_PER_YOUNG_COLLECTION} bytes.
 */
function noteBodyBytes(bytes: number): void {
  if (collectYoungGeneration === null) collectYoungGeneration = youngGenerationCollection();
  if (!collectYoungGeneration) return;
  bytesSinceCollection += bytes;
  if (bytesSinceCollection < BODY_BYTES_PER_YOUNG_COLLECTION) return;
  bytesSinceCollection = 0;
  collectYoungGeneration();
}

/**
 * Counts the bytes of a Node stream's body as they arrive. Call it once the body is being read
 * (piped on): a 'data' listener added earlier would start the body flowing with nobody to read it.
 */
export function sweepBodyBuffers(body: Readable): void {
  body.on('data', (chunk: Uint8Array) => noteBodyBytes(chunk.byteLength));
}

/** The same body as a web stream, its bytes counted as they pass. */
export function sweepWebBody(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        noteBodyBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}
