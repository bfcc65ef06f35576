import type { Actor } from '@liaison/core';
import { listActiveApiTokens, type Pool } from '@liaison/db';
import { requireUser } from '../require-user.js';
import { toApiToken } from './api-token-view.js';

export async function listApiTokens(pool: Pool, actor: Actor) {
  const user = requireUser(actor);
  return { items: (await listActiveApiTokens(pool, user.userId)).map(toApiToken) };
}
