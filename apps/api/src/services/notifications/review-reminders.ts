import { enqueueMail, type Pool, registersWithReviewDue, withTransaction } from '@liaison/db';

const DAY_MS = 86_400_000;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Queues a reminder to the contacts of every register whose review date is within `noticeDays`
 * of `now` ("near") or has passed ("overdue"): once per register, review date and state, however
 * often it runs and on however many replicas (the outbox's dedupe key). Returns the mails queued.
 */
export async function enqueueReviewReminders(
  pool: Pool,
  options: { now: Date; noticeDays: number },
): Promise<number> {
  const today = day(options.now);
  const registers = await registersWithReviewDue(
    pool,
    day(new Date(options.now.getTime() + options.noticeDays * DAY_MS)),
  );
  let queued = 0;
  for (const register of registers) {
    const overdue = register.reviewDue <= today;
    const due = register.reviewDueAsWritten || register.reviewDue;
    queued += await withTransaction(pool, (client) =>
      enqueueMail(client, {
        kind: overdue ? 'register.review-overdue' : 'register.review-near',
        recipients: register.contacts,
        subject: overdue
          ? `Review overdue: ${register.title}`
          : `Review due ${due}: ${register.title}`,
        text: [
          overdue
            ? `The review of the work register "${register.title}" was due ${due} (${register.reviewDue}) and has not been recorded.`
            : `The review of the work register "${register.title}" is due ${due} (${register.reviewDue}).`,
          '',
          'You are a point of contact of this register. Please arrange the review with the other',
          'parties and update the review date in the register once it is agreed.',
        ].join('\n'),
        linkPath: `/registers/${register.slug}`,
        dedupeKey: `register-review:${register.id}:${register.reviewDue}:${overdue ? 'overdue' : 'near'}`,
      }),
    );
  }
  return queued;
}
