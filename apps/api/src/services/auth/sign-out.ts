import { InvalidInputError } from '@liaison/core';
import { type Pool, revokeSession, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** Ends the caller's sign-in session: its access token answers 401 from now on. */
export async function signOut(
  pool: Pool,
  context: RequestContext,
  sessionId: string | null,
): Promise<void> {
  const { userId } = requireUser(context.actor);
  if (sessionId === null) {
    throw new InvalidInputError(
      'Only a sign-in session can be signed out of; revoke an API token with DELETE /api/v1/tokens/:id',
      'not_a_session',
    );
  }
  await withTransaction(pool, async (client) => {
    await revokeSession(client, sessionId, userId);
    // One's own act: on behalf of the organization the session is scoped to, if any.
    await auditAction(client, context, context.actor.scope ?? null, {
      action: 'auth.sign-out',
      objectType: 'user',
      objectId: userId,
    });
  });
}
