/**
 * Migration 0012 replaces "every organization the actor belonged to" with the one organization an
 * event was done for. Older events keep an acting organization only where it is certain (the actor
 * acted on their own organization's object); guessing one for the rest could show an admin a
 * member's work at another organization, the leak the migration closes.
 */
import { createScratchDatabase, type ScratchDatabase } from '@liaison/embedded-stack';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { createPool, loadMigrations, migrate, type Pool } from '../src/index.js';

let database: ScratchDatabase;
let pool: Pool;

beforeEach(async () => {
  database = await createScratchDatabase(inject('stack').DATABASE_URL);
  pool = createPool(database.url);
});

afterEach(async () => {
  await pool.end();
  await database.drop();
});

it('keeps the acting organization of older events only where the object was their own', async () => {
  const migrations = await loadMigrations();
  await migrate(
    pool,
    migrations.filter((migration) => migration.version < '0012'),
  );
  await pool.query(
    `insert into organizations (slug, name) values ('ofa', 'OFA'), ('snia', 'SNIA')`,
  );
  await pool.query(
    `insert into audit_events (actor_email, action, object_type, object_id, organization_id, actor_organizations)
     values ('editor@ofa.example', 'document.update', 'document', 'own',
             (select id from organizations where slug = 'ofa'), '{ofa,snia}'),
            ('editor@ofa.example', 'version.download', 'version', 'elsewhere',
             (select id from organizations where slug = 'snia'), '{ofa}'),
            ('operator@liaison.example', 'register.create', 'register', 'ofa-snia', null, '{snia}')`,
  );

  expect(await migrate(pool)).toContain('0012');

  const events = await pool.query<{ object_id: string; acting: string | null }>(
    `select e.object_id, o.slug as acting from audit_events e
       left join organizations o on o.id = e.on_behalf_of_id order by e.id`,
  );
  expect(events.rows).toEqual([
    { object_id: 'own', acting: 'ofa' },
    { object_id: 'elsewhere', acting: null },
    { object_id: 'ofa-snia', acting: null },
  ]);
  const columns = await pool.query(
    `select 1 from information_schema.columns
      where table_name = 'audit_events' and column_name = 'actor_organizations'`,
  );
  expect(columns.rowCount).toBe(0);
});
