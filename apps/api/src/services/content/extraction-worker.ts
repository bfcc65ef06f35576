/**
 * Runs in a worker thread (see extract-text.ts), so a hostile file can only exhaust this thread's
 * memory and time. Reads the file handed over in workerData and posts one WorkerOutcome.
 * Imports nothing from the workspace: the thread loads as little as it can.
 */
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { declaredUncompressedSize } from './declared-zip-size.js';
import type { TextKind } from './text-kind.js';

export interface WorkerInput {
  bytes: Uint8Array;
  kind: TextKind;
  maxDocxUncompressedBytes: number;
}

export type WorkerOutcome =
  | { status: 'extracted'; pages: string[] }
  | { status: 'failed'; failure: string };

/** pdf.js names its exceptions; the message of an unknown one is not shown to readers. */
function pdfFailure(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return 'encrypted PDF';
  if (name === 'InvalidPDFException') return 'not a valid PDF';
  return 'unreadable PDF';
}

async function pdfPages(bytes: Uint8Array): Promise<WorkerOutcome> {
  try {
    const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: false });
    return { status: 'extracted', pages: text };
  } catch (error) {
    return { status: 'failed', failure: pdfFailure(error) };
  }
}

async function docxText(bytes: Uint8Array, maxUncompressed: number): Promise<WorkerOutcome> {
  const declared = declaredUncompressedSize(bytes);
  if (declared === undefined) return { status: 'failed', failure: 'not a valid DOCX' };
  if (declared > maxUncompressed) {
    return { status: 'failed', failure: 'DOCX expands beyond the size limit' };
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { status: 'extracted', pages: [result.value] };
  } catch {
    return { status: 'failed', failure: 'not a valid DOCX' };
  }
}

async function extract(input: WorkerInput): Promise<WorkerOutcome> {
  switch (input.kind) {
    case 'pdf':
      return pdfPages(input.bytes);
    case 'docx':
      return docxText(input.bytes, input.maxDocxUncompressedBytes);
    case 'plain':
      return { status: 'extracted', pages: [new TextDecoder('utf-8').decode(input.bytes)] };
  }
}

extract(workerData as WorkerInput).then(
  (outcome) => parentPort!.postMessage(outcome),
  () => parentPort!.postMessage({ status: 'failed', failure: 'unreadable file' }),
);
