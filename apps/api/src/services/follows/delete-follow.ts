import { NotFoundError } from '@liaison/core';
import { deleteFollow as deleteFollowRecord, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** Ends one of the caller's follows; another person's is 404, as one that does not exist. */
export async function deleteFollow(pool: Pool, context: RequestContext, id: string): Promise<void> {
  const { userId } = requireUser(context.actor);
  if (!(await deleteFollowRecord(pool, id, userId))) throw new NotFoundError('No such follow');
}
