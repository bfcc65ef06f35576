import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  appliedMigrations,
  beginDatabaseRestore,
  firstTableWithRows,
  loadMigrations,
  migrate,
  type Pool,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  BackupError,
  type BackupManifest,
  formatBytes,
  hashFile,
  objectFile,
  readManifest,
  tableFile,
} from './manifest.js';
import type { BackupDependencies, BackupSummary } from './write-backup.js';

const ROWS_PER_INSERT = 500;

const migrationList = (migrations: { version: string; checksum: string }[]) =>
  migrations.map((migration) => `${migration.version}:${migration.checksum}`).join(',');

/** A backup restores only into the schema it was taken from: the same migrations, byte for byte. */
async function checkSameSchema(manifest: BackupManifest): Promise<void> {
  const here = await loadMigrations();
  if (migrationList(manifest.migrations) !== migrationList(here)) {
    const last = (list: { version: string }[]) => list.at(-1)?.version ?? 'none';
    throw new BackupError(
      `the backup was made with migrations up to ${last(manifest.migrations)}, this release has ` +
        `up to ${last(here)} (or a migration differs): restore with the release that made the backup, ` +
        'then upgrade',
    );
  }
}

async function checkEmptyDatabase(pool: Pool): Promise<void> {
  const filled = await firstTableWithRows(pool);
  if (filled !== undefined) {
    throw new BackupError(
      `the database is not empty (table ${filled} has rows): restore only into an empty database, ` +
        'so nothing of another portal mixes with the backup',
    );
  }
  const applied = await appliedMigrations(pool);
  const here = await loadMigrations();
  if (applied.length > here.length) {
    throw new BackupError('the database has migrations this release does not know');
  }
}

/** Every file against the manifest, before anything is written. */
async function verifyFiles(directory: string, manifest: BackupManifest): Promise<void> {
  const expected = [
    ...manifest.tables.map((table) => ({ file: tableFile(table.name), sha256: table.sha256 })),
    ...manifest.objects.map((object) => ({
      file: objectFile(object.key),
      sha256: object.sha256,
      size: object.size,
    })),
  ];
  for (const entry of expected) {
    const actual = await hashFile(join(directory, entry.file)).catch(() => undefined);
    if (!actual) throw new BackupError(`the backup misses ${entry.file}`);
    if (actual.sha256 !== entry.sha256 || ('size' in entry && actual.size !== entry.size)) {
      throw new BackupError(
        `${entry.file} does not match its SHA-256 in the manifest: the backup is damaged`,
      );
    }
  }
}

async function restoreObjects(
  storage: ObjectStorage,
  directory: string,
  manifest: BackupManifest,
  progress: (line: string) => void,
): Promise<number> {
  await storage.ensureBucket();
  const total = manifest.objects.reduce((sum, object) => sum + object.size, 0);
  let bytes = 0;
  let reported = 0;
  for (const [index, object] of manifest.objects.entries()) {
    const stored = await storage.putStream(
      object.key,
      createReadStream(join(directory, objectFile(object.key))),
    );
    if (stored.sha256 !== object.sha256) {
      await storage.delete(object.key);
      throw new BackupError(
        `the store did not keep ${object.key} intact (SHA-256 ${stored.sha256})`,
      );
    }
    bytes += object.size;
    const tenth = Math.floor((bytes / Math.max(total, 1)) * 10);
    if (tenth > reported || index === manifest.objects.length - 1) {
      reported = tenth;
      progress(
        `objects: ${index + 1}/${manifest.objects.length}, ${formatBytes(bytes)} of ${formatBytes(total)}`,
      );
    }
  }
  return bytes;
}

async function* linePages(path: string): AsyncGenerator<string[]> {
  let page: string[] = [];
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Infinity,
  })) {
    if (line === '') continue;
    page.push(line);
    if (page.length === ROWS_PER_INSERT) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

async function restoreRows(
  pool: Pool,
  directory: string,
  manifest: BackupManifest,
): Promise<number> {
  await migrate(pool);
  const restore = await beginDatabaseRestore(pool);
  let rows = 0;
  try {
    const backedUp = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const table of restore.tables) {
      const entry = backedUp.get(table.name);
      if (!entry) throw new BackupError(`the backup has no rows file for table ${table.name}`);
      if (entry.columns.join(',') !== table.columns.join(',')) {
        throw new BackupError(`table ${table.name} has other columns than in the backup`);
      }
      backedUp.delete(table.name);
      for await (const page of linePages(join(directory, entry.file))) {
        await restore.insertRows(table, page);
        rows += page.length;
      }
    }
    if (backedUp.size > 0) {
      throw new BackupError(
        `the backup has tables this database lacks: ${[...backedUp.keys()].join(', ')}`,
      );
    }
    for (const sequence of manifest.sequences) await restore.setSequence(sequence);
  } catch (error) {
    await restore.rollback();
    throw error;
  }
  await restore.commit();
  return rows;
}

/**
 * Restores a backup written by `writeBackup` into an empty database and its bucket: checks the
 * schema and every file first, then puts the objects back (each hash checked again as the store
 * receives it), then migrates the database and writes every row in one transaction, so the
 * database never references an object that is not there.
 */
export async function restoreBackup(
  deps: BackupDependencies,
  directory: string,
): Promise<BackupSummary> {
  const { pool, storage, progress } = deps;
  const manifest = await readManifest(directory);
  await checkSameSchema(manifest);
  await checkEmptyDatabase(pool);
  await verifyFiles(directory, manifest);
  progress(
    `backup of ${manifest.createdAt} verified: ${manifest.objects.length} objects, ${manifest.tables.length} tables`,
  );
  const bytes = await restoreObjects(storage, directory, manifest, progress);
  const rows = await restoreRows(pool, directory, manifest);
  progress(`database: ${manifest.tables.length} tables, ${rows} rows`);
  return { tables: manifest.tables.length, rows, objects: manifest.objects.length, bytes };
}
