import {
  allSubmissionFileKeys,
  allVersionKeys,
  type Pool,
  referencedStorageKeys,
} from '@liaison/db';
import type { ObjectStorage, ObjectSummary } from '@liaison/storage';
import { VERSION_KEY_PREFIX } from '../documents/storage-keys.js';
import { REVIEW_COMMENT_KEY_PREFIX } from '../reviews/storage-keys.js';
import { STATEMENT_KEY_PREFIX } from '../statements/storage-keys.js';
import { SUBMISSION_KEY_PREFIX } from '../submissions/storage-keys.js';

/** Every prefix the server stores objects under: nothing outside them is the reaper's business. */
const REAPED_PREFIXES = [
  VERSION_KEY_PREFIX,
  SUBMISSION_KEY_PREFIX,
  STATEMENT_KEY_PREFIX,
  REVIEW_COMMENT_KEY_PREFIX,
];

/** The few log methods the reaper uses: a pino/Fastify logger fits, and so does a console one. */
export interface ReaperLog {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ReaperDependencies {
  pool: Pool;
  storage: ObjectStorage;
  log: ReaperLog;
}

export interface ReaperOptions {
  /**
   * Only objects last modified at least this long ago are deleted. An upload stores its object
   * first and commits its row right after, so a young object without a row may be an upload
   * that is about to commit: this age is what keeps the reaper from racing it.
   */
  olderThanMs: number;
  /** "Now", for the age comparison; the current time by default. */
  now?: Date;
  /** Keys looked up in the database at once; default 500. */
  batchSize?: number;
  /** Stops the run between batches (shutdown); the summary then covers what was done. */
  signal?: AbortSignal;
}

/** A version row or a submission file row whose object does not exist. */
export type MissingObject =
  | { versionId: string; storageKey: string }
  | { submissionFileId: string; storageKey: string };

export interface ReapSummary {
  /** Objects listed under the version and submission prefixes. */
  scanned: number;
  /** Keys of the unreferenced objects that were deleted. */
  deleted: string[];
  /** Unreferenced objects kept because they are younger than the threshold (or of unknown age). */
  keptYoung: number;
  /** Keys of the multipart uploads older than the threshold that were aborted, freeing their parts. */
  abortedUploads: string[];
  /** Version rows checked for their object. */
  checkedVersions: number;
  /** Submission file rows checked for their object. */
  checkedSubmissionFiles: number;
  /** Version and submission file rows whose object does not exist: they cannot be served. */
  missingObjects: MissingObject[];
}

type RowKind = 'version' | 'submission-file';
const ROW_NAMES: Record<RowKind, string> = {
  version: 'version',
  'submission-file': 'submission file',
};

const DEFAULT_BATCH_SIZE = 500;
/** Storage requests (deletes, stats) in flight at once. */
const CONCURRENCY = 8;

async function forEachConcurrently<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/**
 * Keeps object storage and the version rows consistent, in three passes:
 *
 * 0. Multipart uploads started under the reaper's prefixes before `olderThanMs` and never
 *    completed are aborted: an upload process that died mid-file leaves its parts in the store,
 *    taking space without being an object (the same age keeps uploads in progress safe).
 *
 * 1. Every object under the version and submission prefixes is listed, in batches; the database
 *    says which keys a version or submission file row references, and each unreferenced object older than `olderThanMs` is deleted.
 *    These are the leftovers of uploads whose row never committed (a crash, a failed clean-up).
 * 2. Every version row and submission file row is checked for its object; rows whose object is
 *    missing are reported (logged as errors and returned), never changed: that is for a person
 *    to look into.
 */
export async function reapOrphanedObjects(
  deps: ReaperDependencies,
  options: ReaperOptions,
): Promise<ReapSummary> {
  const { pool, storage, log } = deps;
  const cutoff = (options.now ?? new Date()).getTime() - options.olderThanMs;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: ReapSummary = {
    scanned: 0,
    deleted: [],
    keptYoung: 0,
    abortedUploads: [],
    checkedVersions: 0,
    checkedSubmissionFiles: 0,
    missingObjects: [],
  };
  const stopped = () => options.signal?.aborted === true;

  const reapBatch = async (batch: ObjectSummary[]) => {
    const referenced = await referencedStorageKeys(
      pool,
      batch.map((object) => object.key),
    );
    const doomed: string[] = [];
    for (const object of batch) {
      if (referenced.has(object.key)) continue;
      // An unknown age (NaN) compares false: kept, to be safe.
      if (object.lastModified.getTime() <= cutoff) doomed.push(object.key);
      else summary.keptYoung += 1;
    }
    await forEachConcurrently(doomed, async (key) => {
      await storage.delete(key);
      summary.deleted.push(key);
      log.debug({ key }, 'reaper deleted an unreferenced object');
    });
  };

  for await (const upload of storage.listIncompleteUploads(new Date(cutoff))) {
    if (!REAPED_PREFIXES.some((prefix) => upload.key.startsWith(prefix))) continue;
    await storage.abortIncompleteUpload(upload);
    summary.abortedUploads.push(upload.key);
    log.debug({ key: upload.key, initiated: upload.initiated }, 'reaper aborted an old upload');
    if (stopped()) return summary;
  }

  // Deleting keys already listed is safe while listing: each page starts after the last key seen.
  for (const prefix of REAPED_PREFIXES) {
    let batch: ObjectSummary[] = [];
    for await (const object of storage.list(prefix)) {
      summary.scanned += 1;
      batch.push(object);
      if (batch.length >= batchSize) {
        await reapBatch(batch);
        batch = [];
        if (stopped()) return summary;
      }
    }
    if (batch.length > 0) await reapBatch(batch);
  }

  type KeyedRow = { id: string; storageKey: string };
  const checkRows = async (kind: RowKind, page: KeyedRow[]) => {
    const absent: KeyedRow[] = [];
    await forEachConcurrently(page, async (row) => {
      if ((await storage.stat(row.storageKey)) === undefined) absent.push(row);
    });
    if (kind === 'version') summary.checkedVersions += page.length;
    else summary.checkedSubmissionFiles += page.length;
    if (absent.length === 0) return;
    // A document or submission deleted meanwhile loses its rows first and its objects right
    // after: only rows that still exist now are missing their object.
    const stillReferenced = await referencedStorageKeys(
      pool,
      absent.map((row) => row.storageKey),
    );
    for (const row of absent) {
      if (!stillReferenced.has(row.storageKey)) continue;
      const missing: MissingObject =
        kind === 'version'
          ? { versionId: row.id, storageKey: row.storageKey }
          : { submissionFileId: row.id, storageKey: row.storageKey };
      summary.missingObjects.push(missing);
      log.error(missing, `a ${ROW_NAMES[kind]} row references an object that does not exist`);
    }
  };
  const rowSources: [RowKind, AsyncIterable<KeyedRow>][] = [
    ['version', allVersionKeys(pool)],
    ['submission-file', allSubmissionFileKeys(pool)],
  ];
  for (const [kind, source] of rowSources) {
    let rows: KeyedRow[] = [];
    for await (const row of source) {
      rows.push(row);
      if (rows.length >= batchSize) {
        await checkRows(kind, rows);
        rows = [];
        if (stopped()) return summary;
      }
    }
    if (rows.length > 0) await checkRows(kind, rows);
  }
  return summary;
}
