import { WHATS_NEW_LIMIT, type WhatsNew } from '@liaison/core';
import { findWhatsNewVisit, listWhatsNew, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toWhatsNew, whatsNewViewerOf } from './whats-new-view.js';

/** What is new to the caller since their previous visit, without recording a visit. */
export async function getWhatsNew(pool: Pool, context: RequestContext): Promise<WhatsNew> {
  const { userId } = requireUser(context.actor);
  const previousVisit = await findWhatsNewVisit(pool, userId);
  const viewer = whatsNewViewerOf(context.actor, userId);
  return toWhatsNew(
    previousVisit,
    await listWhatsNew(pool, viewer, previousVisit, WHATS_NEW_LIMIT),
  );
}
