import { type ChildProcess, spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';

export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  /** The API's stderr/stdout so far (warnings and errors only: LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Runs the built API (`apps/api/dist/main.js`) as a child process of its own, so its memory can be
 * watched apart from the S3 server's process and the load generator in the bench process. The IPC
 * channel makes the API shut itself down if the bench dies, so nothing is left running.
 */
export async function startApiProcess(options: {
  repoRoot: string;
  port: number;
  env: Record<string, string>;
}): Promise<ApiProcess> {
  const main = join(options.repoRoot, 'apps/api/dist/main.js');
  await access(main).catch(() => {
    throw new Error(`${main} is missing: build first (npm run bench does)`);
  });
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the API's time goes.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    cwd: options.repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      ...options.env,
      API_HOST: '127.0.0.1',
      API_PORT: String(options.port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with code ${child.exitCode} while starting:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status === 200;
      },
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not become ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error('the API process has no pid');
  return { url, pid: child.pid, output: () => output, stop };
}
