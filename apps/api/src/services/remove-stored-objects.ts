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
