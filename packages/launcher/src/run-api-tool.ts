/**
 * Runs one of the API's command-line tools (apps/api/dist/<script>) once, against the external
 * PostgreSQL and S3 store when DATABASE_URL and S3_* are set, or else against the embedded stack's
 * data (started for the run and stopped afterwards). Arguments are passed on, and so is the
 * tool's exit status. `npm run reap` and `npm run reindex` use it.
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

export interface ApiTool {
  /** The script under apps/api/dist, e.g. 'reap.js'. */
  script: string;
  /** What the tool is called in messages, e.g. 'reaper'. */
  name: string;
  /** Said when there is no embedded stack yet, e.g. 'nothing to reap'. */
  nothingToDo: string;
  /** Said when a running `npm start` holds the embedded stack: what to do instead. */
  whenInUse: string;
}

/**
 * Whether a live process (`npm start`, `npm run dev`, another tool) runs the embedded PostgreSQL
 * of `clusterDir`. Starting the stack again would stop that server, so the tool must not. A
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

function runTool(
  tool: ApiTool,
  args: string[],
  env: NodeJS.ProcessEnv,
  started: (child: ChildProcess) => void,
): Promise<number> {
  const child = spawn(process.execPath, [join(repoRoot, 'apps/api/dist', tool.script), ...args], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  started(child);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      log(`could not start the ${tool.name}: ${error.message}`);
      resolve(EXIT_FAILED);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? EXIT_FAILED : 0)));
  });
}

async function run(tool: ApiTool): Promise<number> {
  const args = process.argv.slice(2);
  let child: ChildProcess | undefined;
  const started = (spawned: ChildProcess) => {
    child = spawned;
  };
  const settings = readLaunchSettings([], process.env);
  if (!settings.embedded) return runTool(tool, args, process.env, started);

  const clusterDir = join(settings.dataDir, 'postgres', 'cluster');
  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    log(`no embedded stack in ${settings.dataDir} yet: ${tool.nothingToDo}`);
    return 0;
  }
  const owner = await embeddedServerOwner(clusterDir);
  if (owner !== undefined) {
    log(
      `the embedded stack in ${settings.dataDir} is in use by process ${owner} (npm start?). ${tool.whenInUse}`,
    );
    return EXIT_FAILED;
  }

  log(`starting embedded PostgreSQL and S3 (data in ${settings.dataDir}) ...`);
  let stack: EmbeddedStack | undefined;
  let interrupted = false;
  // A signal is passed on to the tool; the stores are stopped once it has ended.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interrupted = true;
      child?.kill(signal);
    });
  }
  try {
    stack = await startEmbeddedStack({
      dataDir: settings.dataDir,
      postgresPort: await embeddedPort(settings.embeddedPostgresPort),
      s3Port: await embeddedPort(settings.embeddedS3Port),
    });
    if (interrupted) return EXIT_FAILED;
    return await runTool(tool, args, { ...process.env, ...stack.env }, started);
  } finally {
    await stack?.stop();
  }
}

/** Runs the tool and exits with its status. */
export function runApiTool(tool: ApiTool): void {
  run(tool).then(
    (code) => process.exit(code),
    (error: unknown) => {
      log((error as Error).message);
      process.exit(EXIT_FAILED);
    },
  );
}
