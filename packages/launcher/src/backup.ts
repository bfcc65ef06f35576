/**
 * What `npm run backup -- <dir>` and `npm run restore -- <dir>` run (`backup.js backup <dir>`,
 * `backup.js restore <dir>`): the API's backup script, against the configured stores or the
 * embedded stack's data (a restore into LIAISON_DATA_DIR creates the stack there).
 */
import { exitWith, runApiScript } from './api-script.js';

const [command = '', ...args] = process.argv.slice(2);
exitWith(
  runApiScript({
    file: 'backup',
    task: command,
    args: [command, ...args],
    createsStack: command === 'restore',
  }),
);
