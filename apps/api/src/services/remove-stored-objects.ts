import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Removes objects no row points to (any more, or yet): `what` names them in the warning of a
 * removal that fails, which is left to the reaper rather than failing the request.
 */
export async function removeStoredObjects(
  deps: { storage: ObjectStorage; log: FastifyBaseLogger },
  keys: readonly string[],
  what: string,
): Promise<void> {
  await Promise.all(
    keys.map((key) =>
      deps.storage
        .delete(key)
        .catch((error: unknown) =>
          deps.log.warn({ err: error, key }, `could not remove ${what}; the reaper will`),
        ),
    ),
  );
}

/**
 * Runs `work`, which stores objects as it goes; when it fails, the objects it stored (`stored()`,
 * read then) are removed before the error goes up, so a failed request leaves none behind.
 */
export async function removeStoredOnFailure<Result>(
  deps: { storage: ObjectStorage; log: FastifyBaseLogger },
  stored: () => readonly string[],
  what: string,
  work: () => Promise<Result>,
): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    await removeStoredObjects(deps, stored(), what);
    throw error;
  }
}
