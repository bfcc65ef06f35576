import { Readable } from 'node:stream';
import {
  type ReapSummary,
  reapOrphanedObjects,
} from '../src/services/maintenance/reap-orphaned-objects.js';
import type { RunningApi } from './helpers.js';

/** Stores an object that no row references under `key` in the API's bucket. */
export async function storeOrphan(api: RunningApi, key: string): Promise<void> {
  await api.storage.putStream(key, Readable.from([Buffer.from('left behind')]));
}

/** One silent pass of the reaper over the API's bucket, a minute from now, with no minimum age. */
export function reapOrphansNow(api: RunningApi): Promise<ReapSummary> {
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  return reapOrphanedObjects(
    { pool: api.pool, storage: api.storage, log },
    { olderThanMs: 0, now: new Date(Date.now() + 60_000) },
  );
}
