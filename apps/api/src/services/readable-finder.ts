import { type Actor, NotFoundError } from '@liaison/core';
import type { Queryable } from '@liaison/db';

/** How a finder's row is read: with `lock`, it stays locked for the rest of the transaction. */
export interface FindOptions {
  lock?: boolean;
}

/**
 * Makes a finder of one kind of record that answers it only if the actor may read it; otherwise
 * NotFoundError with `notFound`, exactly as for a missing one, so a refusal tells nothing.
 */
export function readableFinder<Found>(
  find: (db: Queryable, key: string, options: FindOptions) => Promise<Found | undefined>,
  mayRead: (actor: Actor, record: Found) => boolean,
  notFound: string,
): (db: Queryable, actor: Actor, key: string, options?: FindOptions) => Promise<Found> {
  return async (db, actor, key, options = {}) => {
    const record = await find(db, key, options);
    if (!record || !mayRead(actor, record)) throw new NotFoundError(notFound);
    return record;
  };
}
