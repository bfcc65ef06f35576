import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The built command, run as users run it. */
export const CLI = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `node dist/main.js …` with only the environment given (plus PATH and HOME): no
 * LIAISON_* variable of the machine leaks in, and its config lives in the test's XDG_CONFIG_HOME.
 */
export function startCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; input?: string } = {},
): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: env.XDG_CONFIG_HOME ?? '/nonexistent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin!.end(options.input ?? '');
  const result = once(child, 'close').then(() => ({ code: child.exitCode, stdout, stderr }));
  return { child, result };
}

export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; input?: string } = {},
): Promise<CliResult> {
  return startCli(args, env, options).result;
}

/** A wrong command line: exit code 1, one line on stderr naming the problem, nothing on stdout. */
export async function expectUsageError(args: string[], env: Record<string, string>): Promise<void> {
  const result = await runCli(args, env);
  expect(result.code, args.join(' ')).toBe(1);
  expect(result.stderr, args.join(' ')).toMatch(/^liaison: [^\n]+\n$/);
  expect(result.stdout, args.join(' ')).toBe('');
}

/** Writes `bytes` of random data to `path` a MiB at a time (never whole in memory); answers its SHA-256. */
export async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; ) {
    const chunk = randomBytes(Math.min(1024 * 1024, bytes - written));
    hash.update(chunk);
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
