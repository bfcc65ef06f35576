import { hashPassword } from '@liaison/core/server';
import { type Pool, withTransaction } from '../pool.js';
import { registerHasDetails, replaceRegisterDetails } from '../queries/register-details.js';
import { insertRegister } from '../queries/register-records.js';
import { DEMO_PASSWORD, demoOrganizations, demoRegisters, demoUsers } from './demo-data.js';

/**
 * Loads the demo organizations, users and registers. Idempotent: it only adds what is missing, so
 * a restart (or a second replica) never duplicates rows or resets a password someone changed.
 */
export async function seedDemoData(pool: Pool): Promise<void> {
  const existing = new Set(
    (await pool.query<{ email: string }>('select lower(email) as email from users')).rows.map(
      (row) => row.email,
    ),
  );
  // Hashing is deliberately slow, so only new users pay for it, and outside the transaction.
  const newUsers = demoUsers.filter((user) => !existing.has(user.email));
  const passwordHash = newUsers.length > 0 ? await hashPassword(DEMO_PASSWORD) : '';

  await withTransaction(pool, async (client) => {
    for (const organization of demoOrganizations) {
      await client.query(
        `insert into organizations (slug, name, description, ipr_policy) values ($1, $2, $3, $4)
         on conflict (slug) do nothing`,
        [organization.slug, organization.name, organization.description, organization.iprPolicy],
      );
    }
    for (const user of newUsers) {
      await client.query(
        `insert into users (email, name, password_hash, is_operator) values ($1, $2, $3, $4)
         on conflict ((lower(email))) do nothing`,
        [user.email, user.name, passwordHash, user.operator],
      );
    }
    for (const user of demoUsers) {
      for (const membership of user.memberships) {
        await client.query(
          `insert into memberships (user_id, organization_id, role)
           select u.id, o.id, $3 from users u, organizations o
            where lower(u.email) = lower($1) and o.slug = $2
           on conflict do nothing`,
          [user.email, membership.organization, membership.role],
        );
      }
    }
    for (const register of demoRegisters) {
      await insertRegister(client, register);
      for (const [position, party] of register.parties.entries()) {
        await client.query(
          `insert into register_parties (register_id, organization_id, description, position)
           select r.id, o.id, $3, $4 from work_registers r, organizations o where r.slug = $1 and o.slug = $2
           on conflict do nothing`,
          [register.slug, party.organization, party.description, position],
        );
      }
      // A register without any item yet (new, or seeded before registers had items) gets the
      // demo register's items; one that has items keeps what its parties made of them.
      const { rows } = await client.query<{ id: string }>(
        'select id from work_registers where slug = $1',
        [register.slug],
      );
      const id = rows[0]!.id;
      if (!(await registerHasDetails(client, id))) {
        await client.query(
          `update work_registers set review_due_as_written = $2, review_process_url = $3
            where id = $1 and review_due_as_written = '' and review_process_url = ''`,
          [id, register.reviewDueAsWritten, register.reviewProcessUrl],
        );
        await replaceRegisterDetails(client, id, register.details);
      }
    }
  });
}
