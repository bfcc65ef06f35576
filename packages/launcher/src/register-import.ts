/**
 * What `npm run register:import <file>` runs: the API's register import (apps/api/dist/import-register.js)
 * against DATABASE_URL when set, or else against the embedded stack's database in .data/: the one
 * `npm start` is running, if it is (so the new register shows at once), or one started for the
 * import and stopped afterwards. The import's exit status is passed on.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createEmbeddedPostgres,
  type EmbeddedPostgres,
  runningPostmaster,
} from '@liaison/embedded-stack';
import { EXIT_FAILED, exitWith, log } from './api-script.js';
import { embeddedPort } from './embedded-port.js';
import { repoRoot } from './paths.js';
import { readLaunchSettings } from './settings.js';

const DATABASE = 'liaison';

function runImport(args: string[], databaseUrl: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'apps/api/dist/import-register.js'), ...args],
    {
      cwd: repoRoot,
      // A relative file name means the caller's directory, as npm passes it on in INIT_CWD.
      env: {
        ...process.env,
        INIT_CWD: process.env.INIT_CWD ?? process.cwd(),
        DATABASE_URL: databaseUrl,
      },
      stdio: 'inherit',
    },
  );
  return new Promise((resolvePromise) => {
    child.once('error', (error) => {
      log(`could not start the import: ${error.message}`);
      resolvePromise(EXIT_FAILED);
    });
    child.once('exit', (code, signal) => resolvePromise(code ?? (signal ? EXIT_FAILED : 0)));
  });
}

/** The port of the PostgreSQL server running on the cluster, if one is (postmaster.pid line 4). */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  return (await runningPostmaster(clusterDir))?.port;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // A usage error needs no database.
  if (process.env.DATABASE_URL || args.length !== 1) {
    return runImport(args, process.env.DATABASE_URL ?? '');
  }

  const { dataDir, embeddedPostgresPort } = readLaunchSettings([], process.env);
  const postgresDir = join(dataDir, 'postgres');
  const clusterDir = join(postgresDir, 'cluster');
  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    log(`no embedded stack in ${dataDir} yet: run \`npm start\` once, or set DATABASE_URL`);
    return EXIT_FAILED;
  }
  const running = await runningServerPort(clusterDir);
  if (running !== undefined) {
    const url = createEmbeddedPostgres({
      dataDir: postgresDir,
      port: running,
      database: DATABASE,
    }).url;
    return runImport(args, url);
  }

  log(`starting embedded PostgreSQL (data in ${dataDir}) ...`);
  let postgres: EmbeddedPostgres | undefined;
  try {
    postgres = createEmbeddedPostgres({
      dataDir: postgresDir,
      port: await embeddedPort(embeddedPostgresPort),
      database: DATABASE,
    });
    await postgres.start();
    return await runImport(args, postgres.url);
  } finally {
    await postgres?.stop();
  }
}

exitWith(main());
