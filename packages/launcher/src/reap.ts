/**
 * What `npm run reap` runs: the API's reaper (apps/api/dist/reap.js) once, against the external
 * PostgreSQL and S3 store when DATABASE_URL and S3_* are set, or else against the embedded
 * stack's data (started for the run and stopped afterwards). Arguments are passed on
 * (`--min-age-minutes N`, `--json`), and so is the reaper's exit status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type EmbeddedStack, runningPostmaster, startEmbeddedStack } from '@liaison/embedded-stack';
import { embeddedPort } from './embedded-port.js';
import { repoRoot } from './paths.js';
import { readLaunchSettings } from './settings.js';

const EXIT_FAILED = 1;

const log = (line: string) => console.error(`[liaison] ${line}`);

/**
 * Whether a live process (`npm start`, `npm run dev`, another reap) runs the embedded PostgreSQL
 * of `clusterDir`. Starting the stack again would stop that server, so the reap must not. A
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

let reaper: ChildProcess | undefined;

function runReaper(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [join(repoRoot, 'apps/api/dist/reap.js'), ...args], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  reaper = child;
  return new Promise((resolve) => {
    child.once('error', (error) => {
      log(`could not start the reaper: ${error.message}`);
      resolve(EXIT_FAILED);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? EXIT_FAILED : 0)));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const settings = readLaunchSettings([], process.env);
  if (!settings.embedded) return runReaper(args, process.env);

  const clusterDir = join(settings.dataDir, 'postgres', 'cluster');
  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    log(`no embedded stack in ${settings.dataDir} yet: nothing to reap`);
    return 0;
  }
  const owner = await embeddedServerOwner(clusterDir);
  if (owner !== undefined) {
    log(
      `the embedded stack in ${settings.dataDir} is in use by process ${owner} (npm start?). ` +
        'Its API already runs the reaper at start-up and every REAPER_INTERVAL_MINUTES; ' +
        'stop it to run `npm run reap` by hand.',
    );
    return EXIT_FAILED;
  }

  log(`starting embedded PostgreSQL and S3 (data in ${settings.dataDir}) ...`);
  let stack: EmbeddedStack | undefined;
  let interrupted = false;
  // A signal is passed on to the reaper; the stores are stopped once it has ended.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interrupted = true;
      reaper?.kill(signal);
    });
  }
  try {
    stack = await startEmbeddedStack({
      dataDir: settings.dataDir,
      postgresPort: await embeddedPort(settings.embeddedPostgresPort),
      s3Port: await embeddedPort(settings.embeddedS3Port),
    });
    if (interrupted) return EXIT_FAILED;
    return await runReaper(args, { ...process.env, ...stack.env });
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log((error as Error).message);
    process.exit(EXIT_FAILED);
  },
);
