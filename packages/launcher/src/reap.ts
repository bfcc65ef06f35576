/**
 * What `npm run reap` runs: the API's reaper (apps/api/dist/reap.js) once, against the configured
 * stores or the embedded stack's data. Arguments are passed on (`--min-age-minutes N`, `--json`),
 * and so is the reaper's exit status. A running `npm start` already runs the reaper at start-up
 * and every REAPER_INTERVAL_MINUTES.
 */
import { exitWith, runApiScript } from './api-script.js';

exitWith(
  runApiScript({ file: 'reap', task: 'reap', args: process.argv.slice(2), createsStack: false }),
);
