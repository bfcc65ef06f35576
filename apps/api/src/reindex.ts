/**
 * `npm run reindex`: extracts the text of every version again, against the configured PostgreSQL
 * and object store (the same environment as the API), with a progress bar on a terminal (a
 * progress line now and then otherwise) and a summary at the end.
 *
 *   reindex [--json]
 *
 * Exit status: 0 when every version was gone through (files that cannot be read are counted,
 * not errors), 1 when the run could not complete.
 */
import { parseArgs } from 'node:util';
import { createPool } from '@liaison/db';
import { createS3Storage } from '@liaison/storage';
import { ConfigError, loadConfig } from './config.js';
import { type ReindexSummary, reindexVersions } from './services/content/reindex-versions.js';

const USAGE = `usage: reindex [--json]

Extracts the text of every document version again (for search and compare), e.g. after an
extractor upgrade. Reads DATABASE_URL and S3_* like the API. Progress goes to stderr, the
summary to stdout. Exit status: 0 done, 1 could not run.`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Token signing is no business of the reindex: the API's secret is not needed to run it. */
const UNUSED_AUTH_SECRET = 'the-reindex-signs-no-tokens-so-needs-no-secret';
const BAR_WIDTH = 30;

/** A bar redrawn in place on a terminal; elsewhere (a log, CI) a line every 5 %. */
function progressReporter(stream: NodeJS.WriteStream) {
  let lastStep = -1;
  return (done: number, total: number) => {
    if (stream.isTTY) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} versions`,
      );
      if (done === total) stream.write('\n');
      return;
    }
    const step = total === 0 ? 20 : Math.floor((done / total) * 20);
    if (step === lastStep) return;
    lastStep = step;
    stream.write(`reindex: ${done}/${total} versions\n`);
  };
}

function table(summary: ReindexSummary): string {
  const rows: [string, number][] = [
    ['versions', summary.total],
    ['text extracted', summary.extracted],
    ['text not extracted (failed)', summary.failed],
    ['no text in this type (unsupported)', summary.unsupported],
    ['deleted during the run', summary.gone],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .map(([label, value]) => `  ${label.padEnd(width)}  ${String(value).padStart(8)}`)
    .join('\n');
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    args = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      ...process.env,
      AUTH_SECRET: process.env.AUTH_SECRET || UNUSED_AUTH_SECRET,
    });
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    return 1;
  }
  const pool = createPool(config.databaseUrl, { applicationName: 'liaison-reindex', max: 4 });
  const storage = createS3Storage(config.s3);
  try {
    await storage.isReachable();
    const summary = await reindexVersions({ pool, storage }, progressReporter(process.stderr));
    console.log(args.json ? JSON.stringify(summary) : `Reindex:\n${table(summary)}`);
    return 0;
  } catch (error) {
    console.error(`reindex failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await pool.end();
    storage.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
