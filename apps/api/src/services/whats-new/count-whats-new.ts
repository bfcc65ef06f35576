import { WHATS_NEW_COUNT_CAP, type WhatsNewCount } from '@liaison/core';
import { countWhatsNew, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { whatsNewViewerOf } from './whats-new-view.js';

/** How many items are new to the caller (the header's badge), up to the cap. */
export async function countWhatsNewItems(
  pool: Pool,
  context: RequestContext,
): Promise<WhatsNewCount> {
  const { userId } = requireUser(context.actor);
  return {
    count: await countWhatsNew(pool, whatsNewViewerOf(context.actor, userId), WHATS_NEW_COUNT_CAP),
  };
}
