import type { FollowList } from '@liaison/core';
import { listFollows as listFollowRecords, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toFollow } from './follow-view.js';

/** The caller's own follows, newest first. */
export async function listFollows(pool: Pool, context: RequestContext): Promise<FollowList> {
  const { userId } = requireUser(context.actor);
  const records = await listFollowRecords(pool, userId);
  return { items: records.map((record) => toFollow(record, context.actor)) };
}
