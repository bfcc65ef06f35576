import type { ReadinessBody } from '@liaison/core';
import { checkDatabase, type Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function probe(work: () => Promise<unknown>, what: string) {
  try {
    await withTimeout(work(), what);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether the API can serve requests: PostgreSQL answers and the bucket is reachable. */
export async function checkReadiness(pool: Pool, storage: ObjectStorage): Promise<ReadinessBody> {
  const [database, objectStorage] = await Promise.all([
    probe(() => checkDatabase(pool), 'PostgreSQL'),
    probe(() => storage.isReachable(), 'object storage'),
  ]);
  return {
    status: database.ok && objectStorage.ok ? 'ready' : 'unavailable',
    checks: { database, storage: objectStorage },
  };
}
