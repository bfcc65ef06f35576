import {
  addDays,
  dueReminderStep,
  isStatementOwed,
  OVERDUE_REMINDER_WEEKS,
  REMINDER_DAYS_BEFORE,
  utcDate,
} from '@liaison/core';
import {
  enqueueMail,
  findStatement,
  organizationAdminAddresses,
  owedStatementsWithDeadlineBetween,
  type Pool,
  statementResponseAddresses,
  withTransaction,
} from '@liaison/db';
import { statementMailLines } from './statement-mails.js';

function subjectOf(step: string, title: string): string {
  if (step === 'due') return `Liaison statement due today: ${title}`;
  const [kind, count] = step.split('-');
  if (kind === 'overdue') {
    return `Liaison statement overdue (${count} week${count === '1' ? '' : 's'}): ${title}`;
  }
  return `Liaison statement due in ${count} day${count === '1' ? '' : 's'}: ${title}`;
}

/**
 * Queues the deadline reminder due today for every owed statement (core's dueReminderStep: 14, 7,
 * 3 and 1 days before, on the day, then weekly while overdue, 8 weeks at most), to the receiving
 * organizations' admins and the statement's response contacts. Each step goes once per statement
 * and recipient however often this runs and on however many processes (the outbox's dedupe key
 * `statement:<id>:<step>`); a statement answered meanwhile gets none (its row is locked and
 * checked first). Returns the mails queued.
 */
export async function enqueueStatementReminders(
  pool: Pool,
  options: { now: Date },
): Promise<number> {
  const today = utcDate(options.now);
  const owed = await owedStatementsWithDeadlineBetween(
    pool,
    addDays(today, -7 * (OVERDUE_REMINDER_WEEKS + 1)),
    addDays(today, REMINDER_DAYS_BEFORE[0]),
  );
  let queued = 0;
  for (const candidate of owed) {
    const step = dueReminderStep(candidate.deadline, today);
    if (step === null) continue;
    queued += await withTransaction(pool, async (client) => {
      // The answer takes the same lock: a statement answered by now gets no reminder.
      const statement = await findStatement(client, candidate.id, { lock: true });
      if (!statement || !isStatementOwed({ ...statement, answered: statement.answer !== null })) {
        return 0;
      }
      const recipients = [
        ...(await organizationAdminAddresses(
          client,
          statement.to.map((party) => party.slug),
        )),
        ...(await statementResponseAddresses(client, [statement.id])),
      ];
      return enqueueMail(client, {
        kind: 'statement.reminder',
        recipients,
        subject: subjectOf(step, statement.title),
        text: [
          `A liaison statement your organization received is waiting for its answer:`,
          // A reminder never repeats the statement's text, public or not.
          ...statementMailLines({ ...statement, body: '' }),
          '',
          'An admin of a receiving organization marks it answered, or sends a response that refers to it; the reminders then stop.',
        ].join('\n'),
        linkPath: `/statements/${statement.id}`,
        dedupeKey: `statement:${statement.id}:${step}`,
      });
    });
  }
  return queued;
}
