/**
 * `npm run register:import <file>`: creates a work register from a file (JSON or YAML, schema
 * GET /api/v1/schemas/work-register.json), or replaces the register with the same slug. A file with
 * any problem is rejected with the path of every problem and changes nothing; a good one is applied
 * in one transaction. Reads DATABASE_URL (the launcher sets it for the embedded stack).
 *
 * Exit status: 0 imported, 2 the file was rejected, 1 the import could not run.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createPool, migrate } from '@liaison/db';
import { importRegister } from './services/registers/import-register.js';
import {
  checkRegisterFile,
  parseRegisterFile,
  RegisterFileError,
} from './services/registers/register-file.js';

const USAGE = `usage: register:import <file.json|file.yaml>

Creates the work register the file describes, or replaces the one with the same slug, in one
transaction. Reads DATABASE_URL. Exit status: 0 imported, 2 file rejected, 1 could not run.`;

const EXIT_IMPORTED = 0;
const EXIT_FAILED = 1;
const EXIT_REJECTED = 2;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.error(USAGE);
    return args[0] === '--help' || args[0] === '-h' ? EXIT_IMPORTED : EXIT_FAILED;
  }
  // npm runs scripts from the repository root; a relative path means the caller's directory.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]!);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'DATABASE_URL is not set (npm run register:import sets it for the embedded stack)',
    );
    return EXIT_FAILED;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    return EXIT_FAILED;
  }

  const pool = createPool(databaseUrl, { applicationName: 'liaison-register-import', max: 2 });
  try {
    const file = checkRegisterFile(parseRegisterFile(text, basename(path)));
    await migrate(pool);
    const { created } = await importRegister(pool, file, `register:import ${basename(path)}`);
    console.log(`${created ? 'created' : 'replaced'} work register '${file.slug}' from ${path}`);
    return EXIT_IMPORTED;
  } catch (error) {
    if (error instanceof RegisterFileError) {
      console.error(`${path} was not imported; nothing changed.\n${error.message}`);
      return EXIT_REJECTED;
    }
    console.error(`register import failed: ${(error as Error).message}`);
    return EXIT_FAILED;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT_FAILED;
  },
);
