import type { Queryable } from '../queryable.js';

/** The addresses a query selects as `email`, in its order: whom a mail goes to. */
export async function selectEmails(
  db: Queryable,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  const result = await db.query<{ email: string }>(sql, params);
  return result.rows.map((row) => row.email);
}
