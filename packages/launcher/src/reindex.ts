/**
 * What `npm run reindex` runs: the API's reindex (apps/api/dist/reindex.js) once, against the
 * external PostgreSQL and S3 store when DATABASE_URL and S3_* are set, or else against the
 * embedded stack's data (started for the run and stopped afterwards).
 */
import { exitWith, runApiScript } from './api-script.js';

exitWith(
  runApiScript({
    file: 'reindex',
    task: 'reindex',
    args: process.argv.slice(2),
    createsStack: false,
  }),
);
