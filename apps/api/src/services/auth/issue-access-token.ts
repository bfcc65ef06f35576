import { ForbiddenError, RateLimitedError, UnauthenticatedError } from '@liaison/core';
import { hashPassword, verifyPassword } from '@liaison/core/server';
import {
  clearLoginFailures,
  findUserByEmail,
  listMemberships,
  type Pool,
  releaseLoginAttempt,
  reserveLoginAttempt,
  withTransaction,
} from '@liaison/db';
import { auditOwnAccount } from '../audit-own-account.js';
import { startSession } from './start-session.js';

export const ACCOUNT_DISABLED_MESSAGE =
  'This account is disabled; ask an admin of your organization in Liaison';

/**
 * Failed logins tolerated per window, per account and per client address. An attempt counts as
 * a failure from before its password is checked until it succeeds, so attempts in progress count.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

// Unknown accounts are checked against this hash so that they cost as much time as known ones.
let decoyHash: Promise<string> | undefined;

export interface LoginRequest {
  email: string;
  password: string;
  address: string;
}

export async function issueAccessTokenForLogin(
  pool: Pool,
  settings: { authSecret: string; accessTokenTtlSeconds: number },
  request: LoginRequest,
) {
  const email = request.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${request.address}`;
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const attempt = await reserveLoginAttempt(
    pool,
    [
      { subject: accountKey, limit: LOGIN_LIMITS.perAccount },
      { subject: addressKey, limit: LOGIN_LIMITS.perAddress },
    ],
    since,
  );
  if (!attempt) {
    throw new RateLimitedError(
      `Too many failed sign-ins; try again in ${LOGIN_LIMITS.windowMinutes} minutes`,
    );
  }

  const user = await findUserByEmail(pool, email);
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  const passwordMatches = await verifyPassword(
    request.password,
    user?.passwordHash ?? (await decoyHash),
  );

  if (!user?.passwordHash || !passwordMatches) {
    // The attempt stays counted.
    await auditOwnAccount(pool, { id: user?.id ?? null, email }, request.address, {
      action: 'auth.login-failed',
    });
    // One message for every cause, so the answer reveals nothing about which accounts exist.
    throw new UnauthenticatedError('Wrong e-mail address or password');
  }

  if (user.disabled) {
    // The right password for a disabled account: say so (the password is no secret to its owner).
    await releaseLoginAttempt(pool, attempt);
    await auditOwnAccount(pool, user, request.address, {
      action: 'auth.login-failed',
      details: { method: 'password', reason: 'account_disabled' },
    });
    throw new ForbiddenError(ACCOUNT_DISABLED_MESSAGE, 'account_disabled');
  }

  const memberships = await listMemberships(pool, user.id);
  await withTransaction(pool, async (client) => {
    await clearLoginFailures(client, accountKey);
    await releaseLoginAttempt(client, attempt);
    await auditOwnAccount(client, user, request.address, {
      action: 'auth.login',
      details: { method: 'password' },
    });
  });
  const { accessToken, expiresAt } = await startSession(pool, { userId: user.id }, settings);
  return {
    accessToken,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, email: user.email, name: user.name, memberships, operator: user.operator },
  };
}
