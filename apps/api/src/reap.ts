/**
 * `npm run reap`: runs the reaper once against the configured PostgreSQL and object store (the
 * same environment as the API) and prints what it did.
 *
 *   reap [--min-age-minutes N] [--json]
 *
 * Exit status: 0 when storage is consistent (after deleting orphans), 2 when version or
 * submission file rows reference objects that do not exist, 1 when the reaper could not run.
 */
import { type Config, ConfigError, type LogLevel } from './config.js';
import {
  loadScriptConfig,
  readScriptOptions,
  runOperatorScript,
  withStores,
} from './operator-script.js';
import {
  type ReaperLog,
  type ReapSummary,
  reapOrphanedObjects,
} from './services/maintenance/reap-orphaned-objects.js';

const USAGE = `usage: reap [--min-age-minutes N] [--json]

Aborts multipart uploads nobody completed and deletes objects no row references, under
documents/, submissions/, statements/ and review-comments/, when older than N minutes
(default REAPER_MIN_AGE_MINUTES, 60), then reports version and submission file rows whose
object is missing. Reads DATABASE_URL and S3_* like the API.
Exit status: 0 consistent, 2 rows with missing objects, 1 could not run.`;

const EXIT_CONSISTENT = 0;
const EXIT_FAILED = 1;
const EXIT_MISSING_OBJECTS = 2;

const OPTIONS = {
  'min-age-minutes': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Log lines on stderr, so stdout holds only the summary. */
function consoleLog(threshold: LogLevel): ReaperLog {
  const at = (level: LogLevel) => (details: object, message: string) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
    console.error(`${level}: ${message} ${JSON.stringify(details)}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function table(summary: ReapSummary, minAgeMinutes: number): string {
  const rows: [string, string][] = [
    ['objects scanned', String(summary.scanned)],
    ['unreferenced, deleted', String(summary.deleted.length)],
    [`unreferenced, younger than ${minAgeMinutes} min, kept`, String(summary.keptYoung)],
    ['incomplete uploads, aborted', String(summary.abortedUploads.length)],
    ['version rows checked', String(summary.checkedVersions)],
    ['submission file rows checked', String(summary.checkedSubmissionFiles)],
    ['rows missing their object', String(summary.missingObjects.length)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value.padStart(8)}`);
  for (const key of summary.deleted) lines.push(`  deleted  ${key}`);
  for (const key of summary.abortedUploads) lines.push(`  aborted upload  ${key}`);
  for (const missing of summary.missingObjects) {
    const row =
      'versionId' in missing
        ? `version ${missing.versionId}`
        : `submission file ${missing.submissionFileId}`;
    lines.push(`  MISSING  ${missing.storageKey}  (${row})`);
  }
  return lines.join('\n');
}

function parseMinAge(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new Error(`--min-age-minutes must be a whole number (got '${value}')`);
  return Number(value);
}

async function main(): Promise<number> {
  const options = readScriptOptions(OPTIONS, USAGE);
  if ('exitCode' in options) return options.exitCode;
  const args = options.values;

  let config: Config;
  let minAgeMinutes: number;
  try {
    config = loadScriptConfig();
    minAgeMinutes = parseMinAge(args['min-age-minutes'], config.reaper.minAgeMinutes);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    return EXIT_FAILED;
  }

  // The summary is the output; log lines only for warnings unless LOG_LEVEL asks for more.
  const log = consoleLog(process.env.LOG_LEVEL ? config.logLevel : 'warn');
  return withStores(config, 'reaper', 4, async ({ pool, storage }) => {
    try {
      await storage.isReachable();
      const summary = await reapOrphanedObjects(
        { pool, storage, log },
        { olderThanMs: minAgeMinutes * 60_000 },
      );
      if (args.json) console.log(JSON.stringify({ minAgeMinutes, ...summary }));
      else console.log(`Reaper (bucket ${config.s3.bucket}):\n${table(summary, minAgeMinutes)}`);
      return summary.missingObjects.length > 0 ? EXIT_MISSING_OBJECTS : EXIT_CONSISTENT;
    } catch (error) {
      console.error(`reaper failed: ${(error as Error).message}`);
      return EXIT_FAILED;
    }
  });
}

runOperatorScript(main, EXIT_FAILED);
