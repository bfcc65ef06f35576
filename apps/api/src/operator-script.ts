/**
 * What the operator's command-line scripts (reap, reindex, backup) share: the API's configuration
 * without a signing secret (they sign no tokens), a pool and a store opened for the run and closed
 * after it, and the exit status of `main`.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { createPool, type Pool } from '@liaison/db';
import { createS3Storage, type S3Storage } from '@liaison/storage';
import { type Config, loadConfig } from './config.js';

const UNUSED_AUTH_SECRET = 'an-operator-script-signs-no-tokens-so-needs-no-secret';

/** The API's configuration from the environment; throws ConfigError naming a bad variable. */
export function loadScriptConfig(): Config {
  return loadConfig({ ...process.env, AUTH_SECRET: process.env.AUTH_SECRET || UNUSED_AUTH_SECRET });
}

type ScriptOptions<Options extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: Options; strict: true }>
>['values'];

/**
 * The script's command-line options, or the exit status when the run ends here: 0 after printing
 * the usage for --help, 1 after printing a bad option's error and the usage.
 */
export function readScriptOptions<Options extends ParseArgsOptionsConfig>(
  options: Options,
  usage: string,
): { values: ScriptOptions<Options> } | { exitCode: 0 | 1 } {
  let values: ScriptOptions<Options>;
  try {
    values = parseArgs({ options, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return { exitCode: 1 };
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    return { exitCode: 0 };
  }
  return { values };
}

/** Runs `work` with a pool of `maxConnections` and the store, both closed afterwards. */
export async function withStores<T>(
  config: Config,
  script: string,
  maxConnections: number,
  work: (stores: { pool: Pool; storage: S3Storage }) => Promise<T>,
): Promise<T> {
  const pool = createPool(config.databaseUrl, {
    applicationName: `liaison-${script}`,
    max: maxConnections,
  });
  const storage = createS3Storage(config.s3);
  try {
    return await work({ pool, storage });
  } finally {
    await pool.end();
    storage.close();
  }
}

/** Runs the script's `main` and exits with its status; an unexpected throw exits `failed`. */
export function runOperatorScript(main: () => Promise<number>, failed = 1): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = failed;
    },
  );
}
