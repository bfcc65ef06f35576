import { Worker } from 'node:worker_threads';
import { TEXT_EXTRACTION_LIMITS, type TextExtractionLimits } from '@liaison/core';
import type { WorkerInput, WorkerOutcome } from './extraction-worker.js';
import { textKindOf } from './text-kind.js';

export type TextExtraction =
  | { status: 'extracted'; pages: { page: number; body: string }[] }
  | { status: 'failed' | 'unsupported'; failure: string };

/** From the sources (tests, `npm run dev`) the worker is TypeScript and needs tsx to load. */
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./extraction-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);

/** Runs the worker with the limits; it is terminated when the time is up. */
function runWorker(input: WorkerInput, limits: TextExtractionLimits): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl, {
      workerData: input,
      transferList: [input.bytes.buffer as ArrayBuffer],
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb },
      stdout: true,
      stderr: true,
    });
    // Library chatter about odd files is of no use in the API's log.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => settle({ status: 'failed', failure: 'time limit' }),
      limits.timeLimitMs,
    );
    worker.once('message', (outcome: WorkerOutcome) => settle(outcome));
    worker.once('error', (error: Error & { code?: string }) =>
      settle({
        status: 'failed',
        failure: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory limit' : 'unreadable file',
      }),
    );
    worker.once('exit', () => settle({ status: 'failed', failure: 'unreadable file' }));
  });
}

/** Keeps the first `maxChars` characters over all pages; PostgreSQL text cannot hold NUL. */
function capPages(pages: string[], maxChars: number): { page: number; body: string }[] {
  const kept: { page: number; body: string }[] = [];
  let room = maxChars;
  for (const [index, text] of pages.entries()) {
    if (room <= 0) break;
    const body = text.replaceAll('\u0000', '').slice(0, room);
    room -= body.length;
    kept.push({ page: index + 1, body });
  }
  return kept;
}

/**
 * The outcome for a file that is not read at all: a type without text, or one too large. Known
 * from the version's row, before its bytes are fetched.
 */
export function refusedUnread(
  file: { mediaType: string; filename: string; size: number },
  limits: TextExtractionLimits,
): TextExtraction | undefined {
  if (!textKindOf(file.mediaType, file.filename)) {
    return { status: 'unsupported', failure: `no text is read from ${file.mediaType} files` };
  }
  if (file.size > limits.maxFileBytes)
    return { status: 'failed', failure: 'file too large to read' };
  return undefined;
}

/**
 * The text of a version's file, page by page for PDFs (page 1 for the other types). Never throws
 * for a bad file: broken, encrypted, oversized or hostile files come back `failed` with a short
 * reason for readers, types without text `unsupported`.
 */
export async function extractText(
  file: { bytes: Uint8Array; mediaType: string; filename: string },
  limits: TextExtractionLimits = TEXT_EXTRACTION_LIMITS,
): Promise<TextExtraction> {
  const refused = refusedUnread({ ...file, size: file.bytes.byteLength }, limits);
  if (refused) return refused;
  const kind = textKindOf(file.mediaType, file.filename)!;
  // The worker gets its own copy: the caller's buffer may be a slice of a larger one.
  const bytes = new Uint8Array(file.bytes);
  const outcome = await runWorker(
    { bytes, kind, maxDocxUncompressedBytes: limits.maxDocxUncompressedBytes },
    limits,
  );
  if (outcome.status === 'failed') return outcome;
  return { status: 'extracted', pages: capPages(outcome.pages, limits.maxStoredChars) };
}
