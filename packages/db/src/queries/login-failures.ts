import type { Queryable } from '../queryable.js';

/** How many failed logins each subject had since `since`. */
export async function countLoginFailures(
  db: Queryable,
  subjects: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  const result = await db.query<{ subject: string; failures: number }>(
    `select subject, count(*)::int as failures from login_failures
      where subject = any($1) and failed_at > $2 group by subject`,
    [subjects, since],
  );
  return new Map(result.rows.map((row) => [row.subject, row.failures]));
}

export async function recordLoginFailures(
  db: Queryable,
  subjects: readonly string[],
): Promise<void> {
  await db.query('insert into login_failures (subject) select unnest($1::text[])', [subjects]);
  // Old entries only ever matter inside the rate-limit window; keep the table small.
  await db.query(`delete from login_failures where failed_at < now() - interval '1 day'`);
}

export async function clearLoginFailures(db: Queryable, subject: string): Promise<void> {
  await db.query('delete from login_failures where subject = $1', [subject]);
}
