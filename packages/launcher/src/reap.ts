/**
 * What `npm run reap` runs: the API's reaper (apps/api/dist/reap.js) once, against the external
 * PostgreSQL and S3 store when DATABASE_URL and S3_* are set, or else against the embedded
 * stack's data (started for the run and stopped afterwards). Arguments are passed on
 * (`--min-age-minutes N`, `--json`), and so is the reaper's exit status.
 */
import { runApiTool } from './run-api-tool.js';

runApiTool({
  script: 'reap.js',
  name: 'reaper',
  nothingToDo: 'nothing to reap',
  whenInUse:
    'Its API already runs the reaper at start-up and every REAPER_INTERVAL_MINUTES; ' +
    'stop it to run `npm run reap` by hand.',
});
