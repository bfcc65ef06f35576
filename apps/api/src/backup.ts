/**
 * `npm run backup -- <dir>` and `npm run restore -- <dir>`: a whole portal (database rows and every
 * stored object they reference, with their SHA-256) to a directory and back, against the configured
 * PostgreSQL and object store (DATABASE_URL and S3_*, the same environment as the API).
 *
 *   backup backup <dir>     writes into a new or empty directory
 *   backup restore <dir>    restores into an empty database (refuses one that holds data)
 */
import { resolve } from 'node:path';
import { loadScriptConfig, runOperatorScript, withStores } from './operator-script.js';
import { BackupError, formatBytes } from './services/backup/manifest.js';
import { restoreBackup } from './services/backup/restore-backup.js';
import { writeBackup } from './services/backup/write-backup.js';

const USAGE = `usage: npm run backup -- <directory>
       npm run restore -- <directory>

Reads DATABASE_URL and S3_* like the API (the embedded stack's data when they are unset).
A backup goes into a new or empty directory; a restore needs an empty database.`;

async function main(): Promise<number> {
  const [command, directory, ...rest] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !directory || rest.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const config = loadScriptConfig();
  const progress = (line: string) => console.error(`[${command}] ${line}`);
  const target = resolve(directory);
  return withStores(config, command, 2, async ({ pool, storage }) => {
    try {
      const started = Date.now();
      const run = command === 'backup' ? writeBackup : restoreBackup;
      const summary = await run({ pool, storage, progress }, target);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `${command === 'backup' ? 'Backed up' : 'Restored'} ${summary.rows} rows in ${summary.tables} tables ` +
          `and ${summary.objects} objects (${formatBytes(summary.bytes)}) ${command === 'backup' ? 'to' : 'from'} ${target} in ${seconds} s`,
      );
      return 0;
    } catch (error) {
      // A BackupError explains itself; anything else (a refused connection, a full disk) is named.
      const reason = error instanceof BackupError ? error.message : String(error);
      console.error(`${command} failed: ${reason}`);
      return 1;
    }
  });
}

runOperatorScript(main);
