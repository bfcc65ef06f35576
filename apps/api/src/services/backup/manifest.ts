import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppliedMigration, SequenceValue } from '@liaison/db';
import { isValidObjectKey } from '@liaison/storage';

/**
 * A backup directory:
 *
 *   manifest.json              written last: a directory without it is an unfinished backup
 *   database/<table>.jsonl     one row per line, PostgreSQL's JSON of the row
 *   objects/<storage key>      every object the rows reference, byte for byte
 *
 * The manifest names every file with its size and SHA-256; the restore checks them all before it
 * writes anything.
 */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'liaison-backup/1';

export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  file: string;
  sha256: string;
}

export interface ObjectEntry {
  key: string;
  size: number;
  sha256: string;
  file: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  migrations: AppliedMigration[];
  tables: TableEntry[];
  sequences: SequenceValue[];
  objects: ObjectEntry[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export const tableFile = (table: string) => join('database', `${table}.jsonl`);

export function objectFile(key: string): string {
  // Keys are server-made (segments of A-Z a-z 0-9 . _ -), so one never leaves objects/.
  if (!isValidObjectKey(key)) throw new BackupError(`refusing the object key '${key}'`);
  return join('objects', key);
}

export async function readManifest(directory: string): Promise<BackupManifest> {
  const text = await readFile(join(directory, MANIFEST_FILE), 'utf8').catch(() => {
    throw new BackupError(
      `${directory} holds no ${MANIFEST_FILE}: not a backup, or a backup that did not finish`,
    );
  });
  const manifest = JSON.parse(text) as Partial<BackupManifest>;
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new BackupError(
      `${directory}/${MANIFEST_FILE} is not a ${MANIFEST_FORMAT} manifest (format '${String(manifest.format)}')`,
    );
  }
  return manifest as BackupManifest;
}

/** Size and lower-case hex SHA-256 of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** "12.3 MiB" */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
