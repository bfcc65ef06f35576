import {
  ANONYMOUS,
  actorFromMemberships,
  InvalidInputError,
  NotFoundError,
  type UnfollowResult,
} from '@liaison/core';
import { deleteFollow, findFollow, findUserCaller, type Pool } from '@liaison/db';
import { verifyUnfollowToken } from '../../auth/unfollow-tokens.js';
import { toFollow } from './follow-view.js';

/**
 * The one-click unfollow link of a mail, without signing in: the token names the follow and
 * proves the mail came from here. A forged token is 400; a follow already ended is 404.
 */
export async function unfollowByLink(
  deps: { pool: Pool; authSecret: string },
  token: string,
): Promise<UnfollowResult> {
  const followId = verifyUnfollowToken(token, deps.authSecret);
  if (followId === undefined) {
    throw new InvalidInputError('This unfollow link is not valid', 'invalid_unfollow_token');
  }
  const record = await findFollow(deps.pool, followId);
  if (!record || !(await deleteFollow(deps.pool, followId))) {
    throw new NotFoundError('You no longer follow this');
  }
  const follower = await findUserCaller(deps.pool, record.userId);
  const actor = follower ? actorFromMemberships(follower, follower.memberships) : ANONYMOUS;
  const { kind, name } = toFollow(record, actor);
  return { kind, name };
}
