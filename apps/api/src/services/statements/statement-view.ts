import {
  type Actor,
  allowStatement,
  ForbiddenError,
  isStatementOwed,
  type Statement,
  type StatementAction,
  type StatementLink,
  type StatementSubject,
  type StatementSummary,
  statementPermissions,
} from '@liaison/core';
import {
  findStatement,
  listStatementAttachments,
  listStatementContacts,
  listStatementEvents,
  listStatementReferences,
  listStatementsReferringTo,
  type Queryable,
  type StatementLinkRecord,
  type StatementRecord,
} from '@liaison/db';
import { readableFinder } from '../readable-finder.js';

export function subjectOf(record: StatementRecord): StatementSubject {
  return {
    from: record.from.slug,
    to: record.to.map((party) => party.slug),
    state: record.state,
    visibility: record.visibility,
  };
}

/** The statement if the actor may read it; otherwise NotFoundError. */
export const findReadableStatement = readableFinder(
  findStatement,
  (actor, record) => allowStatement(actor, 'read', subjectOf(record)),
  'No such statement',
);

const WHY: Record<StatementAction, string> = {
  read: 'read this statement',
  edit: 'change this draft (editors and admins of the sending organization)',
  send: 'send this statement (admins of the sending organization)',
  withdraw: 'withdraw this statement (admins of the sending organization)',
  'mark-answered': 'mark this statement answered (admins of a receiving organization)',
  reply: 'reply to this statement (editors and admins of a receiving organization)',
};

export function requireStatementAction(
  actor: Actor,
  record: StatementRecord,
  action: StatementAction,
) {
  if (!allowStatement(actor, action, subjectOf(record))) {
    throw new ForbiddenError(`Only some people may ${WHY[action]}`);
  }
}

function linkReadable(actor: Actor, link: StatementLinkRecord): boolean {
  return allowStatement(actor, 'read', {
    from: link.from.slug,
    to: link.to,
    state: link.state,
    visibility: link.visibility,
  });
}

function toLink(link: StatementLinkRecord): StatementLink {
  return {
    id: link.id,
    title: link.title,
    from: link.from,
    purpose: link.purpose,
    state: link.state,
    sentAt: link.sentAt?.toISOString() ?? null,
  };
}

function readableLinks(actor: Actor, links: readonly StatementLinkRecord[]): StatementLink[] {
  return links.filter((link) => linkReadable(actor, link)).map(toLink);
}

export function toStatementSummary(record: StatementRecord, actor: Actor): StatementSummary {
  const answer = record.answer;
  return {
    id: record.id,
    register: record.register,
    from: record.from,
    to: record.to,
    title: record.title,
    purpose: record.purpose,
    deadline: record.deadline,
    visibility: record.visibility,
    state: record.state,
    senderReference: record.senderReference,
    receiverReference: record.receiverReference,
    owed: isStatementOwed({ ...record, answered: answer !== null }),
    answer: answer && {
      at: answer.at.toISOString(),
      by: answer.by,
      organization: answer.organization,
      note: answer.note,
      response:
        answer.response && linkReadable(actor, answer.response) ? toLink(answer.response) : null,
    },
    sentAt: record.sentAt?.toISOString() ?? null,
    sentBy: record.sentBy,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
    attachmentCount: record.attachmentCount,
    permissions: statementPermissions(actor, {
      ...subjectOf(record),
      purpose: record.purpose,
      answered: record.answer !== null,
    }),
  };
}

/** The whole statement as the actor sees it: contacts, thread, attachments, history. */
export async function loadStatement(
  db: Queryable,
  record: StatementRecord,
  actor: Actor,
): Promise<Statement> {
  const [contacts, refersTo, referredBy, attachments, history] = await Promise.all([
    listStatementContacts(db, record.id),
    listStatementReferences(db, record.id),
    listStatementsReferringTo(db, record.id),
    listStatementAttachments(db, record.id),
    listStatementEvents(db, record.id),
  ]);
  return {
    ...toStatementSummary(record, actor),
    body: record.body,
    responseContacts: contacts.response,
    technicalContacts: contacts.technical,
    refersTo: readableLinks(actor, refersTo),
    referredBy: readableLinks(actor, referredBy),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      size: attachment.size,
      mediaType: attachment.mediaType,
      sha256: attachment.sha256,
      createdAt: attachment.createdAt.toISOString(),
    })),
    withdrawal: record.withdrawal && {
      at: record.withdrawal.at.toISOString(),
      by: record.withdrawal.by,
      reason: record.withdrawal.reason,
    },
    history: history.map((event) => ({ ...event, at: event.at.toISOString() })),
  };
}
