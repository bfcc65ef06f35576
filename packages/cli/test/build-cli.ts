import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: builds core, the client and the CLI, since the tests run dist/main.js. */
export default function buildCli(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const workspace of ['../../core/', '../../client/', '../']) {
    const project = fileURLToPath(new URL(`${workspace}tsconfig.build.json`, import.meta.url));
    execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  }
}
