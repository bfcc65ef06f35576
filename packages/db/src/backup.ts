import type { Pool, PoolClient } from './pool.js';
import { CALLER_CHANNEL, DOCUMENT_LIST_CHANNEL } from './table-changes.js';

/**
 * The database side of `npm run backup` / `npm run restore`: every row of the application's
 * tables (schema `public`), read in ONE repeatable-read snapshot so the rows and the list of stored
 * objects agree with each other, and written back into an empty, freshly migrated database.
 *
 * Rows travel as PostgreSQL's own JSON text (`to_jsonb(row)::text`, back with
 * `jsonb_populate_recordset`): no value passes through a JavaScript number, so bigints, numerics,
 * timestamps and bytea come back exactly. The migrations ledger is not copied (the restore migrates
 * the empty database itself, after checking the backup was made with the same migrations), and
 * neither is graphile-worker's queue (schema `graphile_worker`): jobs are transient work, and
 * scheduled ones are queued again by the running API.
 */

const LEDGER_TABLE = 'schema_migrations';

export interface BackupTable {
  name: string;
  /** Stored columns (generated ones are computed again on insert), in table order. */
  columns: string[];
}

export interface SequenceValue {
  name: string;
  /** As text (bigint); null when the sequence was never used. */
  lastValue: string | null;
}

export interface AppliedMigration {
  version: string;
  checksum: string;
}

/** An object in the store that a row references, with what the row says about its bytes. */
export interface ReferencedObject {
  storageKey: string;
  sha256: string;
  size: number;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface TableRow {
  name: string;
  columns: string[];
  references: string[];
}

/** The application's tables, each after the tables its foreign keys point to. */
async function applicationTables(db: Pool | PoolClient): Promise<BackupTable[]> {
  const { rows } = await db.query<TableRow>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     and a.attgenerated = ''
                   order by a.attnum) as columns,
            array(select distinct r.relname::text from pg_constraint f
                    join pg_class r on r.oid = f.confrelid
                   where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as references
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> $1
      order by c.relname`,
    [LEDGER_TABLE],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (row: TableRow) => {
    if (placed.has(row.name) || visiting.has(row.name)) return;
    visiting.add(row.name);
    for (const reference of row.references) {
      const target = byName.get(reference);
      if (target) place(target);
    }
    visiting.delete(row.name);
    placed.add(row.name);
    ordered.push({ name: row.name, columns: row.columns });
  };
  for (const row of rows) place(row);
  return ordered;
}

export interface DatabaseSnapshot {
  migrations(): Promise<AppliedMigration[]>;
  tables(): Promise<BackupTable[]>;
  /** The table's rows as JSON text, in pages. */
  rows(table: BackupTable, pageSize?: number): AsyncGenerator<string[]>;
  sequences(): Promise<SequenceValue[]>;
  /** Every object a version, submission file, statement attachment or review comment references. */
  referencedObjects(): Promise<ReferencedObject[]>;
  /** Ends the snapshot's transaction and returns its connection. */
  close(): Promise<void>;
}

/** Opens a read-only repeatable-read transaction: everything read through it is one moment. */
export async function openDatabaseSnapshot(pool: Pool): Promise<DatabaseSnapshot> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
  } catch (error) {
    client.release();
    throw error;
  }
  let cursors = 0;
  return {
    async migrations() {
      const { rows } = await client.query<AppliedMigration>(
        `select version, checksum from ${LEDGER_TABLE} order by version`,
      );
      return rows;
    },
    tables: () => applicationTables(client),
    async *rows(table, pageSize = 500) {
      const cursor = `backup_rows_${++cursors}`;
      await client.query(
        `declare ${cursor} no scroll cursor for
           select to_jsonb(t)::text as row from ${quoteIdentifier(table.name)} t`,
      );
      try {
        for (;;) {
          const page = await client.query<{ row: string }>(`fetch ${pageSize} from ${cursor}`);
          if (page.rows.length > 0) yield page.rows.map((row) => row.row);
          if (page.rows.length < pageSize) return;
        }
      } finally {
        await client.query(`close ${cursor}`);
      }
    },
    async sequences() {
      const { rows } = await client.query<SequenceValue>(
        `select sequencename as name, last_value::text as "lastValue"
           from pg_sequences where schemaname = 'public' order by sequencename`,
      );
      return rows;
    },
    async referencedObjects() {
      const { rows } = await client.query<ReferencedObject>(
        `select storage_key as "storageKey", sha256, size::float8 as size from document_versions
         union all
         select storage_key, sha256, size::float8 from submission_files
         union all
         select storage_key, sha256, size::float8 from statement_attachments
         union all
         select attachment_storage_key, attachment_sha256, attachment_size::float8
           from review_comments where attachment_storage_key is not null
         order by 1`,
      );
      return rows;
    },
    async close() {
      try {
        await client.query('rollback');
      } finally {
        client.release();
      }
    },
  };
}

/** The first application table that holds a row, or undefined when the database holds no data. */
export async function firstTableWithRows(pool: Pool): Promise<string | undefined> {
  for (const table of await applicationTables(pool)) {
    const { rows } = await pool.query<{ filled: boolean }>(
      `select exists (select 1 from ${quoteIdentifier(table.name)}) as filled`,
    );
    if (rows[0]?.filled) return table.name;
  }
  return undefined;
}

/** The migrations this database has applied (none when it was never migrated). */
export async function appliedMigrations(pool: Pool): Promise<AppliedMigration[]> {
  const { rows } = await pool.query<{ present: boolean }>(
    `select to_regclass($1) is not null as present`,
    [`public.${LEDGER_TABLE}`],
  );
  if (!rows[0]?.present) return [];
  return (
    await pool.query<AppliedMigration>(
      `select version, checksum from ${LEDGER_TABLE} order by version`,
    )
  ).rows;
}

export interface DatabaseRestore {
  /** The tables of the database being restored into, in foreign-key order. */
  readonly tables: BackupTable[];
  insertRows(table: BackupTable, rows: readonly string[]): Promise<void>;
  setSequence(sequence: SequenceValue): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Starts the one transaction that writes every row back. Where the role may (a superuser, as the
 * embedded and compose databases are), triggers and foreign-key checks are off for it, so rows
 * come back exactly as they were; otherwise tables are filled parents first.
 */
export async function beginDatabaseRestore(pool: Pool): Promise<DatabaseRestore> {
  const client = await pool.connect();
  const end = async (statement: 'commit' | 'rollback') => {
    try {
      // Triggers are off for the restore: the API processes' caches are told here instead.
      if (statement === 'commit') {
        for (const channel of [DOCUMENT_LIST_CHANNEL, CALLER_CHANNEL]) {
          await client.query('select pg_notify($1, $2)', [channel, 'restore']);
        }
      }
      await client.query(statement);
    } finally {
      client.release();
    }
  };
  try {
    await client.query('begin');
    await client.query('savepoint replica_role');
    await client.query(`set local session_replication_role = replica`).then(
      () => client.query('release savepoint replica_role'),
      () => client.query('rollback to savepoint replica_role'),
    );
    const tables = await applicationTables(client);
    return {
      tables,
      async insertRows(table, rows) {
        const columns = table.columns.map(quoteIdentifier).join(', ');
        await client.query(
          `insert into ${quoteIdentifier(table.name)} (${columns}) overriding system value
           select ${columns} from jsonb_populate_recordset(null::${quoteIdentifier(table.name)}, $1::jsonb)`,
          [`[${rows.join(',')}]`],
        );
      },
      async setSequence(sequence) {
        if (sequence.lastValue === null) return;
        await client.query('select setval($1::regclass, $2::bigint, true)', [
          `public.${quoteIdentifier(sequence.name)}`,
          sequence.lastValue,
        ]);
      },
      commit: () => end('commit'),
      rollback: () => end('rollback'),
    };
  } catch (error) {
    await end('rollback');
    throw error;
  }
}
