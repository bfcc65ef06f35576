import type { Queryable } from '../queryable.js';

/** The tables whose rows each name one stored object in a `storage_key` column. */
type KeyedTable = 'document_versions' | 'submission_files';

/** Every (row id, storage key) pair of `table`, in pages of `pageSize`, in id order. */
export async function* pagedStorageKeys(
  db: Queryable,
  table: KeyedTable,
  pageSize: number,
): AsyncGenerator<{ id: string; storageKey: string }> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db.query<{ id: string; storageKey: string }>(
      `select id, storage_key as "storageKey" from ${table} where id > $1 order by id limit $2`,
      [after, pageSize],
    );
    yield* page.rows;
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
