import type { ProfileUpdateBody } from '@liaison/core';
import { type Pool, setUserName, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { type CurrentUser, getCurrentUser } from '../users/get-current-user.js';

/** Changes the caller's own name; answers the account as `GET /api/v1/me` would. */
export async function updateProfile(
  pool: Pool,
  context: RequestContext,
  input: ProfileUpdateBody,
): Promise<CurrentUser> {
  const { userId } = requireUser(context.actor);
  const name = input.name.trim();
  await withTransaction(pool, async (client) => {
    await setUserName(client, userId, name);
    await auditAction(client, context, null, {
      action: 'user.update-profile',
      objectType: 'user',
      objectId: userId,
      details: { name },
    });
  });
  return getCurrentUser(pool, context);
}
