import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFreePort } from '@liaison/embedded-stack';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Ports {
  api: number;
  web: number;
  postgres: number;
  s3: number;
}

export async function freePorts(): Promise<Ports> {
  return {
    api: await findFreePort(),
    web: await findFreePort(),
    postgres: await findFreePort(),
    s3: await findFreePort(),
  };
}

export interface Launch {
  process: ChildProcess;
  output(): string;
  /** Resolves once the launcher printed its banner; rejects if it exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Runs the built launcher, exactly what `npm start` runs after building, on its own ports and data.
 * `extraEnv` adds variables (the launcher passes its environment on to the API and the web app).
 */
export function launch(
  dataDir: string,
  ports: Ports,
  extraEnv: Record<string, string> = {},
): Launch {
  const child = spawn(process.execPath, [join(repoRoot, 'packages/launcher/dist/main.js')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LIAISON_DATA_DIR: dataDir,
      API_PORT: String(ports.api),
      WEB_PORT: String(ports.web),
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      EMBEDDED_S3_PORT: String(ports.s3),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('Liaison is running.')) resolve();
    };
    child.stdout?.on('data', check);
    void exited.then((code) =>
      reject(new Error(`launcher exited with code ${code} before it was ready:\n${output}`)),
    );
  });
  return { process: child, output: () => output, ready, exited };
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function postgresPid(dataDir: string): Promise<number | undefined> {
  const lock = await readFile(join(dataDir, 'postgres/cluster/postmaster.pid'), 'utf8').catch(
    () => undefined,
  );
  return lock ? Number.parseInt(lock.split('\n')[0] ?? '', 10) : undefined;
}

/** The pids of every process whose parent is `pid`, recursively (Linux /proc). */
export async function descendants(pid: number): Promise<number[]> {
  const { readdir } = await import('node:fs/promises');
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    // The command name may contain spaces; the parent pid is the 2nd field after the closing ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The command line of a running process (Linux /proc). */
export async function commandLine(pid: number): Promise<string[]> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
  return raw.split('\0').filter((part) => part !== '');
}

/** What the executable a running process was started from answers to `--version`, e.g. "v24.21.0". */
export async function executableVersion(pid: number): Promise<string> {
  const { stdout } = await promisify(execFile)(`/proc/${pid}/exe`, ['--version']);
  return stdout.trim();
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
