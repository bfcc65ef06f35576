import { expectsAnswer, type StatementPurpose } from '@liaison/core';
import {
  enqueueMail,
  findStatement,
  listStatementContacts,
  organizationAdminAddresses,
  type Queryable,
  type StatementParty,
  statementResponseAddresses,
} from '@liaison/db';

const PURPOSE_WORDS: Record<StatementPurpose, string> = {
  information: 'for information',
  comment: 'for comment',
  action: 'for action',
  response: 'in response',
};

const names = (parties: readonly StatementParty[]) => parties.map((party) => party.name).join(', ');

/** What a statement mail says about the statement: never its body unless it is public. */
export function statementMailLines(statement: {
  title: string;
  from: StatementParty;
  to: readonly StatementParty[];
  register: { title: string };
  purpose: StatementPurpose;
  deadline: string | null;
  visibility: 'parties' | 'public';
  body: string;
}): string[] {
  return [
    `"${statement.title}", from ${statement.from.name} to ${names(statement.to)}, ${PURPOSE_WORDS[statement.purpose]}, under "${statement.register.title}".`,
    ...(statement.deadline ? [`Deadline: ${statement.deadline}.`] : []),
    '',
    ...(statement.visibility === 'public' && statement.body !== ''
      ? [statement.body]
      : [
          // Mail leaves the portal: a statement for the parties stays in it.
          'The statement is in Liaison, readable by the members of the sending and receiving organizations.',
        ]),
  ];
}

const WITHOUT = (actorEmail: string | null) => (address: string) =>
  address.toLowerCase() !== actorEmail?.toLowerCase();

/**
 * The mails about a statement, each queued in the transaction of its event (call them inside the
 * service's `withTransaction`). Each returns how many mails it queued.
 */
export const statementMails = {
  /**
   * A statement was sent: to the receiving organizations' admins and the statement's contacts,
   * and, for a response, the response contacts of the statements it answers.
   */
  async sent(
    client: Queryable,
    event: { statementId: string; actorEmail: string | null; answered: readonly string[] },
  ): Promise<number> {
    const statement = await findStatement(client, event.statementId);
    if (!statement) return 0;
    const contacts = await listStatementContacts(client, statement.id);
    const recipients = [
      ...(await organizationAdminAddresses(
        client,
        statement.to.map((party) => party.slug),
      )),
      ...[...contacts.response, ...contacts.technical].map((contact) => contact.email),
      ...(await statementResponseAddresses(client, event.answered)),
    ].filter(WITHOUT(event.actorEmail));
    return enqueueMail(client, {
      kind: 'statement.sent',
      recipients,
      subject: `Liaison statement from ${statement.from.name}: ${statement.title}`,
      text: [
        `${statement.from.name} sent a liaison statement${expectsAnswer(statement.purpose) ? ' that asks for an answer' : ''}:`,
        ...statementMailLines(statement),
      ].join('\n'),
      linkPath: `/statements/${statement.id}`,
      dedupeKey: `statement:${statement.id}:sent`,
    });
  },

  /** A sent statement was withdrawn: to the receiving organizations' admins. */
  async withdrawn(
    client: Queryable,
    event: { statementId: string; actorEmail: string | null },
  ): Promise<number> {
    const statement = await findStatement(client, event.statementId);
    if (!statement) return 0;
    const recipients = (
      await organizationAdminAddresses(
        client,
        statement.to.map((party) => party.slug),
      )
    ).filter(WITHOUT(event.actorEmail));
    return enqueueMail(client, {
      kind: 'statement.withdrawn',
      recipients,
      subject: `Liaison statement withdrawn: ${statement.title}`,
      text: [
        `${statement.from.name} withdrew the liaison statement "${statement.title}"; it stays readable, marked withdrawn, with the reason.`,
        ...(expectsAnswer(statement.purpose) ? ['No answer to it is expected any more.'] : []),
      ].join('\n'),
      linkPath: `/statements/${statement.id}`,
      dedupeKey: `statement:${statement.id}:withdrawn`,
    });
  },
};
