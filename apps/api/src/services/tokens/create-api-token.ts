import { type Actor, canCreateApiTokens, ForbiddenError } from '@liaison/core';
import { insertApiToken, type Pool, recordAuditEvent, withTransaction } from '@liaison/db';
import { generateApiTokenSecret, hashApiTokenSecret } from '../../auth/api-token-secrets.js';
import { requireUser } from '../require-user.js';
import { toApiToken } from './api-token-view.js';

/** A personal API token acts with its owner's rights, whatever they are when it is used. */
export async function createApiToken(
  pool: Pool,
  actor: Actor,
  request: { name: string; expiresInDays: number; address: string },
) {
  const user = requireUser(actor);
  if (!canCreateApiTokens(actor)) {
    // A token would act in all the owner's organizations, beyond this single sign-on's one.
    throw new ForbiddenError(
      'A single sign-on session cannot create personal API tokens; sign in with your password',
      'scoped_session',
    );
  }
  const secret = generateApiTokenSecret();
  const expiresAt = new Date(Date.now() + request.expiresInDays * 86_400_000);
  const token = await withTransaction(pool, async (client) => {
    const created = await insertApiToken(client, {
      userId: user.userId,
      name: request.name,
      secretHash: hashApiTokenSecret(secret),
      expiresAt,
    });
    await recordAuditEvent(client, {
      actorId: user.userId,
      actorEmail: user.email,
      action: 'token.create',
      objectType: 'api-token',
      objectId: created.id,
      organization: null,
      onBehalfOf: null,
      address: request.address,
      details: { name: request.name, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { ...toApiToken(token), token: secret };
}
