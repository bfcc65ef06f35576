import type { Statement, UpdateStatementBody } from '@liaison/core';
import {
  findRegister,
  listStatementContacts,
  listStatementReferences,
  type Pool,
  updateStatementContent,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { changeDraft, recordDraftEdit } from './change-statement.js';
import {
  requireStatementAddress,
  requireStatementDeadline,
  requireStatementReferences,
  requireText,
} from './statement-rules.js';

/**
 * Changes a draft: only the fields given; the whole draft must still fit the rules a new one
 * does. The row is locked, so a draft being sent meanwhile is either changed first or refused.
 */
export async function updateStatement(
  pool: Pool,
  context: RequestContext,
  id: string,
  input: UpdateStatementBody,
): Promise<Statement> {
  return changeDraft(pool, context, id, 'edit', async (client, current, userId) => {
    const [contacts, references] = await Promise.all([
      listStatementContacts(client, id),
      listStatementReferences(client, id),
    ]);
    const content = {
      to: input.to ?? current.to.map((party) => party.slug),
      title: input.title === undefined ? current.title : requireText(input.title, 'title'),
      body: input.body ?? current.body,
      purpose: input.purpose ?? current.purpose,
      deadline: input.deadline === undefined ? current.deadline : input.deadline,
      visibility: input.visibility ?? current.visibility,
      senderReference:
        input.senderReference === undefined ? current.senderReference : input.senderReference,
      receiverReference:
        input.receiverReference === undefined ? current.receiverReference : input.receiverReference,
      responseContacts: input.responseContacts ?? contacts.response,
      technicalContacts: input.technicalContacts ?? contacts.technical,
      refersTo: input.refersTo ?? references.map((reference) => reference.id),
    };
    const register = (await findRegister(client, current.register.slug))!;
    requireStatementAddress({ from: current.from.slug, to: content.to }, register);
    requireStatementDeadline(content.purpose, content.deadline, new Date());
    await requireStatementReferences(client, context.actor, {
      registerId: current.registerId,
      purpose: content.purpose,
      refersTo: content.refersTo,
    });
    await updateStatementContent(client, id, content);
    const changed = Object.keys(input).sort();
    await recordDraftEdit(client, context, current, {
      actorId: userId,
      note: `Changed ${changed.join(', ')}`,
      action: 'statement.update',
      details: { changed },
    });
  });
}
