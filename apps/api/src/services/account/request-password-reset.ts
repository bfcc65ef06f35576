import {
  PASSWORD_RESET_VALID_MINUTES,
  PASSWORD_RESETS_PER_HOUR,
  type PasswordResetRequested,
} from '@liaison/core';
import {
  countPasswordResetsSince,
  findUserByEmail,
  insertPasswordReset,
  type Pool,
  withTransaction,
} from '@liaison/db';
import { hashSecret, randomSecret } from '../../auth/random-secrets.js';
import { auditOwnAccount } from '../audit-own-account.js';
import { enqueuePasswordResetMail } from '../notifications/password-reset-mail.js';

const MINUTE_MS = 60_000;

export const PASSWORD_RESET_REQUESTED_MESSAGE =
  'If a Liaison account uses this address, a link to choose a new password is on its way. ' +
  `It works once, for ${PASSWORD_RESET_VALID_MINUTES} minutes.`;

/**
 * Mails a one-time link to choose a new password. The answer is the same whether or not the
 * address has an account, is disabled, or has had its hourly share of mails, so it tells nobody
 * which addresses exist; only a real account receives anything.
 */
export async function requestPasswordReset(
  pool: Pool,
  request: { email: string; address: string },
): Promise<PasswordResetRequested> {
  const email = request.email.trim().toLowerCase();
  const user = await findUserByEmail(pool, email);
  if (user && !user.disabled) {
    await withTransaction(pool, async (client) => {
      const since = new Date(Date.now() - 60 * MINUTE_MS);
      if ((await countPasswordResetsSince(client, user.id, since)) >= PASSWORD_RESETS_PER_HOUR)
        return;
      const token = randomSecret();
      await insertPasswordReset(client, {
        userId: user.id,
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + PASSWORD_RESET_VALID_MINUTES * MINUTE_MS),
      });
      await enqueuePasswordResetMail(client, { email: user.email, name: user.name, token });
      await auditOwnAccount(client, user, request.address, {
        action: 'auth.password-reset-request',
      });
    });
  }
  return { message: PASSWORD_RESET_REQUESTED_MESSAGE };
}
