import { ConflictError, type Statement, type StatementAction } from '@liaison/core';
import {
  findStatement,
  insertStatementAnswer,
  insertStatementEvent,
  type NewAuditEvent,
  type Pool,
  type PoolClient,
  type Queryable,
  recordAuditEvent,
  type StatementRecord,
  withTransaction,
} from '@liaison/db';
import { auditAction, auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableStatement, loadStatement, requireStatementAction } from './statement-view.js';

/**
 * Runs `change` on a statement the actor may take `action` on, its row locked for the
 * transaction, and answers the statement as it is afterwards.
 */
export async function changeStatement(
  pool: Pool,
  context: RequestContext,
  id: string,
  action: StatementAction,
  change: (client: PoolClient, current: StatementRecord, userId: string) => Promise<void>,
): Promise<Statement> {
  const { userId } = requireUser(context.actor);
  const record = await withTransaction(pool, async (client) => {
    const current = await findReadableStatement(client, context.actor, id, { lock: true });
    requireStatementAction(context.actor, current, action);
    await change(client, current, userId);
    return (await findStatement(client, id))!;
  });
  return loadStatement(pool, record, context.actor);
}

/** 409 `statement_not_draft` once the statement was sent. */
export function requireDraft(statement: StatementRecord): void {
  if (statement.state !== 'draft') {
    throw new ConflictError(
      'The statement was sent: a sent statement never changes (write a new one that refers to it)',
      'statement_not_draft',
    );
  }
}

/** `changeStatement` for what only a draft takes (an edit, the sending): 409 once it was sent. */
export async function changeDraft(
  pool: Pool,
  context: RequestContext,
  id: string,
  action: StatementAction,
  change: (client: PoolClient, draft: StatementRecord, userId: string) => Promise<void>,
): Promise<Statement> {
  return changeStatement(pool, context, id, action, async (client, current, userId) => {
    requireDraft(current);
    await change(client, current, userId);
  });
}

/** Records in the audit trail what the sending organization did to its statement. */
export async function auditStatement(
  db: Queryable,
  context: RequestContext,
  statement: StatementRecord,
  event: Pick<NewAuditEvent, 'action' | 'details'>,
): Promise<void> {
  await auditAction(db, context, statement.from.slug, {
    ...event,
    objectType: 'statement',
    objectId: statement.id,
  });
}

/** Records a change to a draft in its history and in the audit trail. */
export async function recordDraftEdit(
  db: Queryable,
  context: RequestContext,
  draft: StatementRecord,
  edit: { actorId: string; note: string } & Pick<NewAuditEvent, 'action' | 'details'>,
): Promise<void> {
  await insertStatementEvent(db, {
    statementId: draft.id,
    what: 'edited',
    note: edit.note,
    actorId: edit.actorId,
  });
  await auditStatement(db, context, draft, { action: edit.action, details: edit.details });
}

/**
 * Records that `answer.organization`, a receiving organization, answered the statement: in its
 * history and in the audit trail, where the event belongs to the sending organization.
 */
export async function recordStatementAnswer(
  db: Queryable,
  context: RequestContext,
  statement: StatementRecord,
  answer: Omit<Parameters<typeof insertStatementAnswer>[1], 'statementId'>,
): Promise<void> {
  await insertStatementAnswer(db, { statementId: statement.id, ...answer });
  const { organization, note, responseId } = answer;
  await recordAuditEvent(db, {
    ...auditedBy(context, [organization]),
    action: 'statement.answer',
    objectType: 'statement',
    objectId: statement.id,
    organization: statement.from.slug,
    details: {
      by: organization,
      ...(note ? { note } : {}),
      ...(responseId ? { response: responseId } : {}),
    },
  });
}
