import {
  ConflictError,
  hasRole,
  isStatementOwed,
  type MarkStatementAnsweredBody,
  type Statement,
} from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { changeStatement, recordStatementAnswer } from './change-statement.js';

/**
 * Marks an owed comment/action statement answered (admins of a receiving organization), with an
 * optional note; its deadline reminders stop.
 */
export async function markStatementAnswered(
  pool: Pool,
  context: RequestContext,
  id: string,
  input: MarkStatementAnsweredBody,
): Promise<Statement> {
  const note = input.note?.trim() || null;
  return changeStatement(pool, context, id, 'mark-answered', async (client, current, userId) => {
    if (!isStatementOwed({ ...current, answered: current.answer !== null })) {
      throw new ConflictError(
        current.answer
          ? 'The statement was answered already'
          : 'Only a sent statement for comment or for action is owed an answer',
        'statement_not_owed',
      );
    }
    // The receiving organization the actor administers answers (the first, if several).
    const organization = current.to.find((party) =>
      hasRole(context.actor, party.slug, 'admin'),
    )!.slug;
    await recordStatementAnswer(client, context, current, {
      organization,
      actorId: userId,
      note,
      responseId: null,
    });
  });
}
