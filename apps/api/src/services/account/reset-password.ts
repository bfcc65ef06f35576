import { NotFoundError, type PasswordResetBody } from '@liaison/core';
import { hashPassword } from '@liaison/core/server';
import {
  clearLoginFailures,
  findUserById,
  type Pool,
  revokeOtherSessions,
  setUserPasswordHash,
  usePasswordReset,
  withTransaction,
} from '@liaison/db';
import { hashSecret } from '../../auth/random-secrets.js';
import { auditOwnAccount } from '../audit-own-account.js';

export const NO_SUCH_RESET =
  'This reset link does not work: it was used already, it has expired, or it was mistyped. ' +
  'Ask for a new one.';

/**
 * Sets a new password through the mailed link. The link works once; every sign-in session of the
 * account ends (whoever knew the old password is signed out), and failed sign-ins counted against
 * the account are forgotten.
 */
export async function resetPassword(
  pool: Pool,
  input: PasswordResetBody & { address: string },
): Promise<void> {
  // Hashing is slow on purpose: done before the reset row is locked.
  const passwordHash = await hashPassword(input.password);
  await withTransaction(pool, async (client) => {
    const reset = await usePasswordReset(client, hashSecret(input.token));
    if (!reset) throw new NotFoundError(NO_SUCH_RESET);
    const user = await findUserById(client, reset.userId);
    if (!user || user.disabled) throw new NotFoundError(NO_SUCH_RESET);
    await setUserPasswordHash(client, user.id, passwordHash);
    const signedOut = await revokeOtherSessions(client, user.id, null);
    await clearLoginFailures(client, `account:${user.email.toLowerCase()}`);
    await auditOwnAccount(client, user, input.address, {
      action: 'auth.password-reset',
      details: { signedOutSessions: signedOut },
    });
  });
}
