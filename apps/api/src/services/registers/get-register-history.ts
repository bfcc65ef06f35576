import { allowRegister, NotFoundError, type RegisterHistory } from '@liaison/core';
import { listRegisterEvents, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableRegister, registerSubject } from './register-view.js';

/** The register page shows this many of the newest changes. */
export const REGISTER_HISTORY_LIMIT = 200;

/**
 * Who changed what in the register, newest first: for the members of its parties and the operator
 * (401 anonymous; anyone else 404, like a register they may not read).
 */
export async function getRegisterHistory(
  pool: Pool,
  context: RequestContext,
  slug: string,
): Promise<RegisterHistory> {
  requireUser(context.actor);
  const record = await findReadableRegister(pool, context.actor, slug);
  if (!allowRegister(context.actor, 'read-history', registerSubject(record))) {
    throw new NotFoundError('No history of this work register for you');
  }
  const events = await listRegisterEvents(pool, record.id, REGISTER_HISTORY_LIMIT);
  return {
    items: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor: { name: event.actorName, email: event.actorEmail },
      onBehalfOf: event.onBehalfOf,
      action: event.action,
      itemKind: event.itemKind,
      itemId: event.itemId,
      before: event.before ?? null,
      after: event.after ?? null,
    })),
  };
}
