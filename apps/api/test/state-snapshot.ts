/** Before/after state for the tests that prove a refused request changed nothing. */
import type { Pool } from '@liaison/db';
import type { S3Storage } from '@liaison/storage';

/** A table's row count and a digest of all its rows: the same state, no row changed. */
export interface TableState {
  rows: number;
  digest: string;
}

/** The state of each table named. */
export async function tableStates(
  pool: Pool,
  tables: readonly string[],
): Promise<Record<string, TableState>> {
  const states: Record<string, TableState> = {};
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const { rows } = await pool.query<TableState>(
      `select count(*)::int as rows,
              coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as digest
         from ${quoted} t`,
    );
    states[table] = rows[0]!;
  }
  return states;
}

/** `key size etag` of every object in the bucket, in key order. */
export async function storedObjects(storage: S3Storage): Promise<string[]> {
  const objects: string[] = [];
  for await (const object of storage.list('')) {
    objects.push(`${object.key} ${object.size} ${object.etag}`);
  }
  return objects.sort();
}

/** What a refused request must leave as it was: the rows of some tables and every stored object. */
export interface StateSnapshot {
  tables: Record<string, TableState>;
  objects: string[];
}

/** The state of `tables` and of the whole bucket of `stores`. */
export async function snapshotState(
  stores: { pool: Pool; storage: S3Storage },
  tables: readonly string[],
): Promise<StateSnapshot> {
  return {
    tables: await tableStates(stores.pool, tables),
    objects: await storedObjects(stores.storage),
  };
}
