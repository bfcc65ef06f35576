import { describe, expect, it } from 'vitest';
import { createPool, loadMigrations, MigrationChecksumError, migrate } from '../src/index.js';
import { migrateBefore, useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ perTest: true });

async function tableNames(): Promise<string[]> {
  const result = await db.pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

describe('migrate', () => {
  it('creates the foundation schema on an empty database', async () => {
    expect(await tableNames()).toEqual([]);
    const migrations = await loadMigrations();
    const applied = await migrate(db.pool);
    expect(applied).toEqual(migrations.map((migration) => migration.version));
    expect(await tableNames()).toEqual([
      'api_tokens',
      'audit_events',
      'caught_mail',
      'document_registers',
      'document_versions',
      'documents',
      'follow_events',
      'follows',
      'invitations',
      'login_failures',
      'mail_outbox',
      'memberships',
      'notification_preferences',
      'oidc_nonces',
      'organizations',
      'password_resets',
      'register_access_rules',
      'register_activities',
      'register_approvals',
      'register_benefits',
      'register_commitments',
      'register_contacts',
      'register_events',
      'register_limitations',
      'register_milestones',
      'register_parties',
      'review_comments',
      'review_dispositions',
      'reviews',
      'schema_migrations',
      'sessions',
      'statement_answers',
      'statement_attachments',
      'statement_contacts',
      'statement_events',
      'statement_recipients',
      'statement_references',
      'statements',
      'submission_comments',
      'submission_events',
      'submission_files',
      'submission_reference_counters',
      'submissions',
      'users',
      'version_text_pages',
      'whats_new_visits',
      'work_registers',
    ]);
  });

  it('is idempotent: a second run applies nothing and keeps the data', async () => {
    await migrate(db.pool);
    await db.pool.query(`insert into organizations (slug, name) values ('acme', 'Acme')`);
    expect(await migrate(db.pool)).toEqual([]);
    const rows = await db.pool.query('select slug from organizations');
    expect(rows.rows).toEqual([{ slug: 'acme' }]);
  });

  it('serialises replicas that migrate at the same time', async () => {
    const other = createPool(db.url);
    try {
      const [first, second] = await Promise.all([migrate(db.pool), migrate(other)]);
      // Exactly one of them applied each migration; the other found it done.
      expect([...first, ...second].sort()).toEqual((await loadMigrations()).map((m) => m.version));
    } finally {
      await other.end();
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    const migrations = await loadMigrations();
    await migrate(db.pool, migrations);
    const edited = migrations.map((migration, index) =>
      index === 0 ? { ...migration, checksum: 'edited' } : migration,
    );
    await expect(migrate(db.pool, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('rolls back a failing migration completely', async () => {
    const migrations = await loadMigrations();
    const broken = {
      version: '9999',
      name: 'broken',
      sql: 'create table half_done (id int); select * from no_such_table;',
      checksum: 'x',
    };
    await expect(migrate(db.pool, [...migrations, broken])).rejects.toThrow(/9999_broken failed/);
    expect(await tableNames()).not.toContain('half_done');
    const recorded = await db.pool.query('select version from schema_migrations order by version');
    expect(recorded.rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
  });
});

/**
 * Migration 0012 replaces "every organization the actor belonged to" with the one organization an
 * event was done for. Older events keep an acting organization only where it is certain (the actor
 * acted on their own organization's object); guessing one for the rest could show an admin a
 * member's work at another organization, the leak the migration closes.
 */
describe('migration 0012, audit events done on behalf of one organization', () => {
  it('keeps the acting organization of older events only where the object was their own', async () => {
    await migrateBefore(db.pool, '0012');
    await db.pool.query(
      `insert into organizations (slug, name) values ('ofa', 'OFA'), ('snia', 'SNIA')`,
    );
    await db.pool.query(
      `insert into audit_events (actor_email, action, object_type, object_id, organization_id, actor_organizations)
       values ('editor@ofa.example', 'document.update', 'document', 'own',
               (select id from organizations where slug = 'ofa'), '{ofa,snia}'),
              ('editor@ofa.example', 'version.download', 'version', 'elsewhere',
               (select id from organizations where slug = 'snia'), '{ofa}'),
              ('operator@liaison.example', 'register.create', 'register', 'ofa-snia', null, '{snia}')`,
    );

    expect(await migrate(db.pool)).toContain('0012');

    const events = await db.pool.query<{ object_id: string; acting: string | null }>(
      `select e.object_id, o.slug as acting from audit_events e
         left join organizations o on o.id = e.on_behalf_of_id order by e.id`,
    );
    expect(events.rows).toEqual([
      { object_id: 'own', acting: 'ofa' },
      { object_id: 'elsewhere', acting: null },
      { object_id: 'ofa-snia', acting: null },
    ]);
    const columns = await db.pool.query(
      `select 1 from information_schema.columns
        where table_name = 'audit_events' and column_name = 'actor_organizations'`,
    );
    expect(columns.rowCount).toBe(0);
  });
});

/**
 * Migration 0024 keeps a document's provenance on the document: those already made from a
 * submission get it; a document merely linked to a submission was not made from it, and does not.
 */
describe('migration 0024, the submission a document was made from', () => {
  it('records it for documents created from a submission, not for linked ones', async () => {
    await migrateBefore(db.pool, '0024');
    await db.pool.query(
      `insert into organizations (slug, name) values ('ofa', 'OFA'), ('dmtf', 'DMTF');
       insert into work_registers (slug, title) values ('ofa-dmtf', 'OFA/DMTF');
       insert into documents (identifier, organization_id, title, status, visibility)
       select identifier, (select id from organizations where slug = 'dmtf'), identifier,
              'work-in-progress', 'organization'
         from unnest(array['MADE', 'LINKED', 'OWN']) as identifier;`,
    );
    await db.pool.query(
      `insert into submissions (register_id, from_organization_id, to_organization_id, title,
                                ipr_acknowledged_at, ipr_policy_sha256, reference, document_id,
                                document_how)
       select r.id, fo.id, too.id, d.identifier, now(), repeat('a', 64), 'OFA-DMTF-2026-' || d.identifier,
              d.id, case d.identifier when 'MADE' then 'created' else 'linked' end
         from work_registers r, organizations fo, organizations too, documents d
        where fo.slug = 'ofa' and too.slug = 'dmtf' and d.identifier in ('MADE', 'LINKED')`,
    );

    expect(await migrate(db.pool)).toContain('0024');

    const documents = await db.pool.query<{ identifier: string; reference: string | null }>(
      `select d.identifier, s.reference from documents d
         left join submissions s on s.id = d.source_submission_id order by d.identifier`,
    );
    expect(documents.rows).toEqual([
      { identifier: 'LINKED', reference: null },
      { identifier: 'MADE', reference: 'OFA-DMTF-2026-MADE' },
      { identifier: 'OWN', reference: null },
    ]);
  });
});
