import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabaseSnapshot, type Pool, type ReferencedObject } from '@liaison/db';
import { ObjectNotFoundError, type ObjectStorage } from '@liaison/storage';
import {
  BackupError,
  type BackupManifest,
  formatBytes,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  type ObjectEntry,
  objectFile,
  type TableEntry,
  tableFile,
} from './manifest.js';

export interface BackupDependencies {
  pool: Pool;
  storage: ObjectStorage;
  /** One line per step, for the operator watching. */
  progress: (line: string) => void;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  objects: number;
  bytes: number;
}

async function ensureEmptyDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  if ((await readdir(directory)).length > 0) {
    throw new BackupError(`${directory} is not empty: back up into a new or empty directory`);
  }
}

/** Writes lines to a file and returns their SHA-256. */
async function writeLines(
  path: string,
  pages: AsyncIterable<string[]>,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  const out = createWriteStream(path);
  await pipeline(
    (async function* () {
      for await (const page of pages) {
        rows += page.length;
        const text = `${page.join('\n')}\n`;
        hash.update(text);
        yield text;
      }
    })(),
    out,
  );
  return { rows, sha256: hash.digest('hex') };
}

async function copyObject(
  storage: ObjectStorage,
  directory: string,
  object: ReferencedObject,
): Promise<ObjectEntry> {
  const file = objectFile(object.storageKey);
  const path = join(directory, file);
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const source = await storage.getStream(object.storageKey).catch((error: unknown) => {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    throw new BackupError(
      `the object ${object.storageKey} is gone (deleted after the snapshot, or missing): run the ` +
        'backup again; if it says so again, `npm run reap` lists the rows whose object is missing',
    );
  });
  await pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(path),
  );
  const sha256 = hash.digest('hex');
  if (sha256 !== object.sha256 || size !== object.size) {
    throw new BackupError(
      `the stored object ${object.storageKey} is not what its row records ` +
        `(${size} bytes, SHA-256 ${sha256}; the row says ${object.size} bytes, ${object.sha256})`,
    );
  }
  return { key: object.storageKey, size, sha256, file };
}

/**
 * Writes a backup of the portal into `directory` (new or empty): the rows of one database snapshot,
 * then every object those rows reference, checked against the SHA-256 its row records, then the
 * manifest. Objects are never changed once stored (keys are unique per upload), so copying them
 * after the snapshot closes still gives the bytes the snapshot's rows describe.
 */
export async function writeBackup(
  deps: BackupDependencies,
  directory: string,
): Promise<BackupSummary> {
  const { pool, storage, progress } = deps;
  await ensureEmptyDirectory(directory);
  await mkdir(join(directory, 'database'));

  const snapshot = await openDatabaseSnapshot(pool);
  const tables: TableEntry[] = [];
  let migrations: BackupManifest['migrations'];
  let sequences: BackupManifest['sequences'];
  let referenced: ReferencedObject[];
  try {
    migrations = await snapshot.migrations();
    for (const table of await snapshot.tables()) {
      const file = tableFile(table.name);
      const { rows, sha256 } = await writeLines(join(directory, file), snapshot.rows(table));
      tables.push({ name: table.name, columns: table.columns, rows, file, sha256 });
    }
    sequences = await snapshot.sequences();
    referenced = await snapshot.referencedObjects();
  } finally {
    await snapshot.close();
  }
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  progress(`database: ${tables.length} tables, ${rows} rows`);

  const total = referenced.reduce((sum, object) => sum + object.size, 0);
  const objects: ObjectEntry[] = [];
  let bytes = 0;
  let reported = 0;
  for (const object of referenced) {
    objects.push(await copyObject(storage, directory, object));
    bytes += object.size;
    // A line per tenth of the bytes (and the last one), not one per object.
    const tenth = Math.floor((bytes / Math.max(total, 1)) * 10);
    if (tenth > reported || objects.length === referenced.length) {
      reported = tenth;
      progress(
        `objects: ${objects.length}/${referenced.length}, ${formatBytes(bytes)} of ${formatBytes(total)}`,
      );
    }
  }

  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    migrations,
    tables,
    sequences,
    objects,
  };
  // Written under another name and renamed: a manifest that exists is a whole one.
  const partial = join(directory, `${MANIFEST_FILE}.partial`);
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, join(directory, MANIFEST_FILE));
  return { tables: tables.length, rows, objects: objects.length, bytes };
}
