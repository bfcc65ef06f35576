import { enqueueJob, type Queryable } from '@liaison/db';
import { EXTRACT_VERSION_TEXT } from './extract-version-text.js';

/**
 * Queues the extraction of a new version's text. Call it in the transaction that inserts the
 * version: the job then exists exactly when the version does. One pending job per version, and
 * one extraction at a time across all API processes (each may take a worker thread's memory limit).
 */
export function queueTextExtraction(db: Queryable, versionId: string): Promise<void> {
  return enqueueJob(
    db,
    EXTRACT_VERSION_TEXT,
    { versionId },
    { jobKey: extractionJobKey(versionId), queueName: EXTRACT_VERSION_TEXT },
  );
}

export function extractionJobKey(versionId: string): string {
  return `${EXTRACT_VERSION_TEXT}:${versionId}`;
}
