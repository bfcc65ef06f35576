import { type Pool, withTransaction } from '../pool.js';
import type { Queryable } from '../queryable.js';

/** The advisory-lock key space of sign-in attempts (two-key locks: the subject's hash is the second). */
const ATTEMPT_LOCK_SPACE = 0x4c6f67; // 'Log'

export interface AttemptLimit {
  /** 'account:<email>' or 'address:<ip>'. */
  subject: string;
  /** Failures (and attempts still being checked) a subject may have in the window. */
  limit: number;
}

/**
 * Counts a sign-in attempt against every subject BEFORE its password is checked, unless one of
 * them already has its limit of failures since `since`: then nothing is counted and the answer is
 * undefined. Attempts on one subject take turns (a transaction-scoped advisory lock per subject,
 * taken in a fixed order), so parallel attempts cannot all pass the limit while their passwords are
 * checked. The rows counted stay failures unless the attempt succeeds and releases them
 * (`releaseLoginAttempt`); their ids come back for that.
 */
export async function reserveLoginAttempt(
  pool: Pool,
  limits: readonly AttemptLimit[],
  since: Date,
): Promise<string[] | undefined> {
  const subjects = [...new Set(limits.map((entry) => entry.subject))].sort();
  return withTransaction(pool, async (client) => {
    for (const subject of subjects) {
      await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [
        ATTEMPT_LOCK_SPACE,
        subject,
      ]);
    }
    const counted = await client.query<{ subject: string; failures: number }>(
      `select subject, count(*)::int as failures from login_failures
        where subject = any($1) and failed_at > $2 group by subject`,
      [subjects, since],
    );
    const failures = new Map(counted.rows.map((row) => [row.subject, row.failures]));
    if (limits.some((entry) => (failures.get(entry.subject) ?? 0) >= entry.limit)) {
      return undefined;
    }
    const inserted = await client.query<{ id: string }>(
      'insert into login_failures (subject) select unnest($1::text[]) returning id',
      [subjects],
    );
    // Old entries only ever matter inside the rate-limit window; keep the table small.
    await client.query(`delete from login_failures where failed_at < now() - interval '1 day'`);
    return inserted.rows.map((row) => row.id);
  });
}

/** Uncounts an attempt that turned out not to be a failure. */
export async function releaseLoginAttempt(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query('delete from login_failures where id = any($1::bigint[])', [ids]);
}

export async function clearLoginFailures(db: Queryable, subject: string): Promise<void> {
  await db.query('delete from login_failures where subject = $1', [subject]);
}
