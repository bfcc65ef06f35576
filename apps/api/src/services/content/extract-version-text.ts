import { TEXT_EXTRACTION_LIMITS, type TextExtractionLimits } from '@liaison/core';
import {
  findVersionFile,
  lockVersionForText,
  markVersionTextMissing,
  type Pool,
  saveVersionText,
  withTransaction,
} from '@liaison/db';
import { ObjectNotFoundError, type ObjectStorage } from '@liaison/storage';
import { extractText, refusedUnread, type TextExtraction } from './extract-text.js';

/** The background job's task name; its payload is `{ versionId }`. */
export const EXTRACT_VERSION_TEXT = 'extract-version-text';

export interface ExtractVersionTextDependencies {
  pool: Pool;
  storage: ObjectStorage;
  limits?: TextExtractionLimits;
}

/** What became of the version's text; `gone` when the version was deleted meanwhile. */
export type ExtractionOutcome = TextExtraction['status'] | 'gone';

function versionIdOf(payload: unknown): string {
  const versionId = (payload as { versionId?: unknown } | null)?.versionId;
  if (typeof versionId !== 'string') throw new Error(`${EXTRACT_VERSION_TEXT}: no versionId`);
  return versionId;
}

async function readWhole(
  storage: ObjectStorage,
  key: string,
  size: number,
): Promise<Uint8Array | 'missing'> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.getStream(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks, size);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return 'missing';
    throw error;
  }
}

async function extractFile(
  deps: ExtractVersionTextDependencies,
  file: { storageKey: string; mediaType: string; filename: string; size: number },
  limits: TextExtractionLimits,
): Promise<TextExtraction> {
  const refused = refusedUnread(file, limits);
  if (refused) return refused;
  const bytes = await readWhole(deps.storage, file.storageKey, file.size);
  if (bytes === 'missing') return { status: 'failed', failure: 'file missing from storage' };
  return extractText({ bytes, mediaType: file.mediaType, filename: file.filename }, limits);
}

/**
 * The `extract-version-text` job: reads the version's file from storage, extracts its text in a
 * bounded worker and saves it, or marks why there is none. A bad file is an outcome, not an error;
 * only an unreachable store or database throws, so the job queue retries later.
 */
export async function extractVersionText(
  deps: ExtractVersionTextDependencies,
  payload: unknown,
): Promise<ExtractionOutcome> {
  const versionId = versionIdOf(payload);
  const file = await findVersionFile(deps.pool, versionId);
  if (!file) return 'gone';
  const extraction = await extractFile(deps, file, deps.limits ?? TEXT_EXTRACTION_LIMITS);
  return withTransaction(deps.pool, async (client) => {
    if (!(await lockVersionForText(client, versionId))) return 'gone';
    if (extraction.status === 'extracted') {
      await saveVersionText(client, versionId, extraction.pages);
    } else {
      await markVersionTextMissing(client, versionId, extraction.status, extraction.failure);
    }
    return extraction.status;
  });
}
