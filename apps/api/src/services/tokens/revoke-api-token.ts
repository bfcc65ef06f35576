import { type Actor, NotFoundError } from '@liaison/core';
import {
  type Pool,
  recordAuditEvent,
  revokeApiToken as revokeTokenRow,
  withTransaction,
} from '@liaison/db';
import { requireUser } from '../require-user.js';

export async function revokeApiToken(pool: Pool, actor: Actor, tokenId: string, address: string) {
  const user = requireUser(actor);
  await withTransaction(pool, async (client) => {
    if (!(await revokeTokenRow(client, user.userId, tokenId))) {
      throw new NotFoundError('No such API token');
    }
    await recordAuditEvent(client, {
      actorId: user.userId,
      actorEmail: user.email,
      action: 'token.revoke',
      objectType: 'api-token',
      objectId: tokenId,
      organization: null,
      onBehalfOf: null,
      address,
    });
  });
}
