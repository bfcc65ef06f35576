import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm run reap` as its own process, from its TypeScript sources, with `env` added. */
export function runReapCli(env: Record<string, string>, args: string[] = []) {
  return runApiCli('reap.ts', env, args);
}

/** One of the API's command-line tools (apps/api/src/<script>) as its own process. */
export async function runApiCli(script: string, env: Record<string, string>, args: string[] = []) {
  const { LOG_LEVEL: _ignored, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['--conditions=liaison-source', '--import', 'tsx', `apps/api/src/${script}`, ...args],
    { cwd: repoRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}
