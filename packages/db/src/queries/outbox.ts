import type { Queryable } from '../queryable.js';

/**
 * The job that delivers the outbox. A new mail queues it in the mail's own transaction, under one
 * key (migration 0018: a trigger deferred to the commit, so the key's row is locked for an instant
 * rather than for the rest of the event's transaction): however many mails an event writes, at
 * most one delivery waits, a delivery already running gets a successor, and a rolled-back event
 * queues none.
 */
export const DELIVER_MAIL_TASK = 'deliver-mail';

/** A mail to write to the outbox, in the transaction of the event that causes it. */
export interface NewMail {
  kind: string;
  /** Each gets a copy of their own; duplicates (case-insensitive) are dropped. */
  recipients: readonly string[];
  subject: string;
  text: string;
  /** The portal page it is about, e.g. `/documents/<id>`: sent as a link under the text. */
  linkPath?: string;
  /** The follow the mail is about: it goes out with a one-click link that ends it. */
  unfollowId?: string;
  /** A mail with a key goes to each recipient once, however often it is enqueued. */
  dedupeKey?: string;
}

/**
 * Writes one outbox row per recipient; returns how many were new (fewer than the recipients when
 * a dedupe key had already been used for some of them).
 */
export async function enqueueMail(db: Queryable, mail: NewMail): Promise<number> {
  const seen = new Set<string>();
  const recipients = mail.recipients.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (recipients.length === 0) return 0;
  // Due from now, to the millisecond: workers compare with a JavaScript Date, which has no
  // microseconds, so a mail stamped 10:00:00.123456 would otherwise not be due at 10:00:00.123.
  const result = await db.query(
    `insert into mail_outbox (kind, recipient, subject, text_body, link_path, dedupe_key, unfollow_id, next_attempt_at)
     select $1, recipient, $3, $4, $5, $6, $7, date_trunc('milliseconds', now())
       from unnest($2::text[]) as recipient
     on conflict (dedupe_key, lower(recipient)) where dedupe_key is not null do nothing`,
    [
      mail.kind,
      recipients,
      mail.subject,
      mail.text,
      mail.linkPath ?? '',
      mail.dedupeKey ?? null,
      mail.unfollowId ?? null,
    ],
  );
  return result.rowCount ?? 0;
}

export interface OutgoingMail {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  linkPath: string;
  unfollowId: string | null;
  attempts: number;
}

/**
 * Takes up to `limit` mails that are due at `now` for this worker: their attempt is counted and
 * they are hidden from other workers for `leaseMs` (skip locked: replicas never wait on, or take,
 * each other's rows). A worker that dies mid-send leaves them to be retried after the lease.
 */
export async function claimDueMail(
  db: Queryable,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<OutgoingMail[]> {
  const result = await db.query<OutgoingMail>(
    `update mail_outbox o
        set attempts = o.attempts + 1,
            next_attempt_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
       from (select id from mail_outbox
              where sent_at is null and failed_at is null and next_attempt_at <= $1
              order by next_attempt_at, id
              limit $2
              for update skip locked) due
      where o.id = due.id
      returning o.id::text, o.kind, o.recipient, o.subject, o.text_body as text,
                o.link_path as "linkPath", o.unfollow_id as "unfollowId", o.attempts`,
    [options.now, options.limit, options.leaseMs],
  );
  return result.rows;
}

export async function markMailSent(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update mail_outbox set sent_at = $2, last_error = null where id = $1', [id, at]);
}

/** Records why the attempt failed and when to try again (or, `retryAt` null, never). */
export async function markMailFailed(
  db: Queryable,
  id: string,
  failure: { error: string; retryAt: Date | null; at: Date },
): Promise<void> {
  await db.query(
    `update mail_outbox
        set last_error = $2,
            next_attempt_at = coalesce($3, next_attempt_at),
            failed_at = case when $3::timestamptz is null then $4::timestamptz end
      where id = $1`,
    [id, failure.error.slice(0, 2000), failure.retryAt, failure.at],
  );
}

/** An outbox row as operators and tests look at it: the mail, and where its delivery stands. */
export interface OutboxRecord extends OutgoingMail {
  dedupeKey: string | null;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  failedAt: Date | null;
}

export async function listOutbox(
  db: Queryable,
  filter: { kind?: string } = {},
): Promise<OutboxRecord[]> {
  const result = await db.query<OutboxRecord>(
    `select id::text, kind, recipient, subject, text_body as text, link_path as "linkPath",
            unfollow_id as "unfollowId", dedupe_key as "dedupeKey",
            attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError",
            sent_at as "sentAt", failed_at as "failedAt"
       from mail_outbox
      where $1::text is null or kind = $1
      order by id`,
    [filter.kind ?? null],
  );
  return result.rows;
}

/** How many mails wait to go out (not sent, not failed for good). */
export async function countPendingMail(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>(
    'select count(*)::int as count from mail_outbox where sent_at is null and failed_at is null',
  );
  return result.rows[0]!.count;
}

/** Mail waiting to go and mail refused for good, per kind: the outbox's depth and failures. */
export async function outboxStateByKind(
  db: Queryable,
): Promise<Array<{ kind: string; pending: number; failed: number }>> {
  const result = await db.query<{ kind: string; pending: number; failed: number }>(
    `select kind,
            count(*) filter (where sent_at is null and failed_at is null)::int as pending,
            count(*) filter (where failed_at is not null)::int as failed
       from mail_outbox
      where sent_at is null
      group by kind
      order by kind`,
  );
  return result.rows;
}
