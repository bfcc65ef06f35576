/**
 * Runs one of the API's command-line scripts (apps/api/dist/<script>.js) against the external
 * PostgreSQL and S3 store when DATABASE_URL and S3_* are set, or else against the embedded stack's
 * data (started for the run and stopped afterwards). Signals are passed on to the script, and so
 * is its exit status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type EmbeddedStack, runningPostmaster, startEmbeddedStack } from '@liaison/embedded-stack';
import { embeddedPort } from './embedded-port.js';
import { repoRoot } from './paths.js';
import { readLaunchSettings } from './settings.js';

export const EXIT_FAILED = 1;

export const log = (line: string) => console.error(`[liaison] ${line}`);

export interface ApiScript {
  /** File name under apps/api/dist, without `.js`. */
  file: string;
  /** The npm script the operator ran, for messages ("reap", "backup"). */
  task: string;
  args: string[];
  /**
   * Whether the script works on an embedded stack that was never started: a restore creates
   * one; there is nothing to reap or back up in it.
   */
  createsStack: boolean;
}

/**
 * Whether a live process (`npm start`, `npm run dev`, another script) runs the embedded PostgreSQL
 * of `clusterDir`. Starting the stack again would stop that server, so the script must not. A
 * server whose starter is gone (killed with SIGKILL) is a leftover that starting clears anyway.
 */
async function embeddedServerOwner(clusterDir: string): Promise<number | undefined> {
  const pid = (await runningPostmaster(clusterDir))?.pid;
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const parent = Number(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  if (!Number.isInteger(parent) || parent <= 1) return undefined;
  const command = await readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '');
  return /node/.test(command) ? parent : undefined;
}

let running: ChildProcess | undefined;

function runScript(script: ApiScript, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, `apps/api/dist/${script.file}.js`), ...script.args],
    { cwd: repoRoot, env, stdio: 'inherit' },
  );
  running = child;
  return new Promise((resolve) => {
    child.once('error', (error) => {
      log(`could not start the ${script.task}: ${error.message}`);
      resolve(EXIT_FAILED);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? EXIT_FAILED : 0)));
  });
}

export async function runApiScript(script: ApiScript): Promise<number> {
  const settings = readLaunchSettings([], process.env);
  if (!settings.embedded) return runScript(script, process.env);

  const clusterDir = join(settings.dataDir, 'postgres', 'cluster');
  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised && !script.createsStack) {
    log(`no embedded stack in ${settings.dataDir} yet: nothing for \`npm run ${script.task}\``);
    return 0;
  }
  const owner = await embeddedServerOwner(clusterDir);
  if (owner !== undefined) {
    log(
      `the embedded stack in ${settings.dataDir} is in use by process ${owner} (npm start?): ` +
        `stop it to run \`npm run ${script.task}\`.`,
    );
    return EXIT_FAILED;
  }

  log(`starting embedded PostgreSQL and S3 (data in ${settings.dataDir}) ...`);
  let stack: EmbeddedStack | undefined;
  let interrupted = false;
  // A signal is passed on to the script; the stores are stopped once it has ended.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interrupted = true;
      running?.kill(signal);
    });
  }
  try {
    stack = await startEmbeddedStack({
      dataDir: settings.dataDir,
      postgresPort: await embeddedPort(settings.embeddedPostgresPort),
      s3Port: await embeddedPort(settings.embeddedS3Port),
    });
    if (interrupted) return EXIT_FAILED;
    return await runScript(script, { ...process.env, ...stack.env });
  } finally {
    await stack?.stop();
  }
}

export function exitWith(result: Promise<number>): void {
  result.then(
    (code) => process.exit(code),
    (error: unknown) => {
      log((error as Error).message);
      process.exit(EXIT_FAILED);
    },
  );
}
