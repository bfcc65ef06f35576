import type { Pool } from '@liaison/db';
import type { NotifiedCache } from '../src/services/notified-cache.js';

/** Resolves once `cache` hears the database's notifications (at once when it already does). */
export async function listening(cache: NotifiedCache): Promise<void> {
  if (cache.caching) return;
  await new Promise((resolve) => cache.once('listening', resolve));
}

/** Resolves when `cache` is dropped for `source` (a table, 'lost', a test's marker). */
export function invalidation(cache: NotifiedCache, source: string): Promise<void> {
  return new Promise((resolve) => {
    const heard = (what: string) => {
      if (what !== source) return;
      cache.off('invalidated', heard);
      resolve();
    };
    cache.on('invalidated', heard);
  });
}

let markers = 0;
/**
 * Waits until `cache` has heard every change committed so far on `channel` (notifications arrive
 * in commit order), so that what it caches next can only be dropped by what the test does after.
 */
export async function caughtUp(cache: NotifiedCache, pool: Pool, channel: string): Promise<void> {
  markers += 1;
  const marker = `test-marker-${markers}`;
  const heard = invalidation(cache, marker);
  await pool.query('select pg_notify($1, $2)', [channel, marker]);
  await heard;
}
