import type { Queryable } from '../queryable.js';

/** A message the demo mail catcher received. */
export interface CaughtMail {
  id: string;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  text: string;
  size: number;
}

export async function insertCaughtMail(
  db: Queryable,
  mail: Omit<CaughtMail, 'id' | 'receivedAt'>,
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into caught_mail (envelope_from, envelope_to, subject, text_body, size)
     values ($1, $2, $3, $4, $5) returning id::text`,
    [mail.envelopeFrom, mail.envelopeTo, mail.subject, mail.text, mail.size],
  );
  return result.rows[0]!.id;
}

/**
 * Newest first by the time shown with each mail: mails delivered at once by several connections
 * commit in any order, so their ids do not follow their arrival times.
 */
export async function listCaughtMail(db: Queryable, limit: number): Promise<CaughtMail[]> {
  const result = await db.query<CaughtMail>(
    `select id::text, received_at as "receivedAt", envelope_from as "envelopeFrom",
            envelope_to as "envelopeTo", subject, text_body as text, size
       from caught_mail order by received_at desc, id desc limit $1`,
    [limit],
  );
  return result.rows;
}
