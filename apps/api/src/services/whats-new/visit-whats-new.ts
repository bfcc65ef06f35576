import { WHATS_NEW_LIMIT, type WhatsNew } from '@liaison/core';
import {
  findWhatsNewVisit,
  listWhatsNew,
  type Pool,
  recordWhatsNewVisit,
  withTransaction,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toWhatsNew, whatsNewViewerOf } from './whats-new-view.js';

/**
 * The caller opens the page: what was new until now, marked, and the visit recorded, so the count
 * starts again from here. One transaction: the visit is dated when it began (now()), before the
 * list was read, so what happens while the list is read is still new next time.
 */
export async function visitWhatsNew(pool: Pool, context: RequestContext): Promise<WhatsNew> {
  const { userId } = requireUser(context.actor);
  const viewer = whatsNewViewerOf(context.actor, userId);
  return withTransaction(pool, async (client) => {
    const previousVisit = await findWhatsNewVisit(client, userId);
    const records = await listWhatsNew(client, viewer, previousVisit, WHATS_NEW_LIMIT);
    await recordWhatsNewVisit(client, userId);
    return toWhatsNew(previousVisit, records);
  });
}
