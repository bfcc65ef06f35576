import {
  ForbiddenError,
  type PasswordChangeBody,
  type PasswordChanged,
  RateLimitedError,
} from '@liaison/core';
import { hashPassword, verifyPassword } from '@liaison/core/server';
import {
  findUserById,
  type Pool,
  releaseLoginAttempt,
  reserveLoginAttempt,
  revokeOtherSessions,
  setUserPasswordHash,
  withTransaction,
} from '@liaison/db';
import { LOGIN_LIMITS } from '../auth/issue-access-token.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/**
 * Changes the caller's password, given the current one. A wrong current password counts as a
 * failed sign-in of the account (the same limit), so a stolen session cannot guess it. The
 * account's other sessions end; this one stays signed in.
 */
export async function changePassword(
  pool: Pool,
  context: RequestContext,
  sessionId: string | null,
  input: PasswordChangeBody,
): Promise<PasswordChanged> {
  const { userId, email } = requireUser(context.actor);
  const attempt = await reserveLoginAttempt(
    pool,
    [{ subject: `account:${email.toLowerCase()}`, limit: LOGIN_LIMITS.perAccount }],
    new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000),
  );
  if (!attempt) {
    throw new RateLimitedError(
      `Too many wrong passwords; try again in ${LOGIN_LIMITS.windowMinutes} minutes`,
    );
  }
  const user = await findUserById(pool, userId);
  if (!user?.passwordHash) {
    await releaseLoginAttempt(pool, attempt);
    throw new ForbiddenError(
      'This account signs in through its organization and has no password here; to set one, use "Forgot your password?" on the sign-in page',
      'no_password',
    );
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    // The attempt stays counted.
    throw new ForbiddenError('The current password is wrong', 'wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return withTransaction(pool, async (client) => {
    await releaseLoginAttempt(client, attempt);
    await setUserPasswordHash(client, userId, passwordHash);
    const signedOutSessions = await revokeOtherSessions(client, userId, sessionId);
    await auditAction(client, context, null, {
      action: 'auth.password-change',
      objectType: 'user',
      objectId: userId,
      details: { signedOutSessions },
    });
    return { signedOutSessions };
  });
}
