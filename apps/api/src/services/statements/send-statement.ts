import { isStatementOwed, type Statement } from '@liaison/core';
import {
  findRegister,
  findStatement,
  listStatementReferences,
  markStatementSent,
  type Pool,
  type PoolClient,
  type StatementRecord,
} from '@liaison/db';
import { statementMails } from '../notifications/statement-mails.js';
import type { RequestContext } from '../request-context.js';
import { auditStatement, changeDraft, recordStatementAnswer } from './change-statement.js';
import {
  requireStatementAddress,
  requireStatementDeadline,
  requireStatementReferences,
} from './statement-rules.js';

/**
 * Marks the owed statements a response refers to, sent to the responding organization, answered
 * by it; returns their ids. Each is locked first, in id order, like every other answer.
 */
async function answerReferredStatements(
  client: PoolClient,
  context: RequestContext,
  response: StatementRecord,
  userId: string,
): Promise<string[]> {
  const references = (await listStatementReferences(client, response.id))
    .map((reference) => reference.id)
    .sort();
  const answered: string[] = [];
  for (const id of references) {
    const original = await findStatement(client, id, { lock: true });
    if (
      !original ||
      !isStatementOwed({ ...original, answered: original.answer !== null }) ||
      !original.to.some((party) => party.slug === response.from.slug)
    ) {
      continue;
    }
    await recordStatementAnswer(client, context, original, {
      organization: response.from.slug,
      actorId: userId,
      note: null,
      responseId: response.id,
      eventNote: `Answered by the response "${response.title}"`,
    });
    answered.push(id);
  }
  return answered;
}

/**
 * Sends a draft: the approval step, by an admin of the sending organization. The rules a draft
 * was written under are checked again (the deadline may have passed meanwhile). A response marks
 * the statements it answers answered, in the same transaction, and the mails go with it.
 */
export async function sendStatement(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Statement> {
  return changeDraft(pool, context, id, 'send', async (client, current, userId) => {
    const register = (await findRegister(client, current.register.slug))!;
    requireStatementAddress(
      { from: current.from.slug, to: current.to.map((party) => party.slug) },
      register,
    );
    requireStatementDeadline(current.purpose, current.deadline, new Date());
    await requireStatementReferences(client, context.actor, {
      registerId: current.registerId,
      purpose: current.purpose,
      refersTo: (await listStatementReferences(client, id)).map((reference) => reference.id),
    });
    const answered =
      current.purpose === 'response'
        ? await answerReferredStatements(client, context, current, userId)
        : [];
    await markStatementSent(client, { id, actorId: userId });
    await auditStatement(client, context, current, {
      action: 'statement.send',
      details: {
        to: current.to.map((party) => party.slug),
        purpose: current.purpose,
        deadline: current.deadline,
        visibility: current.visibility,
        answered,
      },
    });
    await statementMails.sent(client, {
      statementId: id,
      actorEmail: context.actor.email,
      answered,
    });
  });
}
