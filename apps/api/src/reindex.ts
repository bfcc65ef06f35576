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
import { type Config, ConfigError } from './config.js';
import {
  loadScriptConfig,
  readScriptOptions,
  runOperatorScript,
  withStores,
} from './operator-script.js';
import { type ReindexSummary, reindexVersions } from './services/content/reindex-versions.js';

const USAGE = `usage: reindex [--json]

Extracts the text of every document version again (for search and compare), e.g. after an
extractor upgrade. Reads DATABASE_URL and S3_* like the API. Progress goes to stderr, the
summary to stdout. Exit status: 0 done, 1 could not run.`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

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
  const options = readScriptOptions(OPTIONS, USAGE);
  if ('exitCode' in options) return options.exitCode;
  const args = options.values;
  let config: Config;
  try {
    config = loadScriptConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    return 1;
  }
  return withStores(config, 'reindex', 4, async ({ pool, storage }) => {
    try {
      await storage.isReachable();
      const summary = await reindexVersions({ pool, storage }, progressReporter(process.stderr));
      console.log(args.json ? JSON.stringify(summary) : `Reindex:\n${table(summary)}`);
      return 0;
    } catch (error) {
      console.error(`reindex failed: ${(error as Error).message}`);
      return 1;
    }
  });
}

runOperatorScript(main);
