import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTempDataDir, findFreePort } from '@liaison/embedded-stack';
import { afterAll, beforeAll } from 'vitest';

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

/**
 * Starts the built launcher on its own ports and data before the file's tests, and stops it and
 * deletes its data after them. Read `ports` inside the tests (they are chosen in `beforeAll`).
 */
export function usePortal(dataDirPrefix: string): { readonly ports: Ports } {
  let started: { ports: Ports; dataDir: string; portal: Launch } | undefined;
  beforeAll(async () => {
    const ports = await freePorts();
    const dataDir = await createTempDataDir(dataDirPrefix);
    const portal = launch(dataDir, ports);
    started = { ports, dataDir, portal };
    await portal.ready;
  });
  afterAll(async () => {
    if (!started) return;
    const { portal, dataDir } = started;
    if (portal.process.exitCode === null) {
      portal.process.kill('SIGINT');
      await portal.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get ports() {
      if (!started) throw new Error('the portal starts in beforeAll; read its ports in a test');
      return started.ports;
    },
  };
}

export interface WebRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The loopback address the browser connects from. */
  from?: string;
}

export interface WebAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request to the web app on `port`, as a browser sends it. */
export function requestWeb(
  port: number,
  { method, path, headers = {}, body, from }: WebRequest,
): Promise<WebAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method,
        path,
        headers: { host: `localhost:${port}`, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The `name=value` pairs of the cookies an answer sets, as a browser sends them back. */
export function cookiesSetBy(answer: WebAnswer): string[] {
  return ([] as string[])
    .concat(answer.headers['set-cookie'] ?? [])
    .map((cookie) => cookie.split(';')[0] ?? '');
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
