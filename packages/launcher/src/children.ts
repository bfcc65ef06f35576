import { type ChildProcess, spawn } from 'node:child_process';
import { exitWithParentScript } from './paths.js';

export interface ChildSpec {
  name: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface RunningChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/** Starts `node <args>` with an IPC channel, so the child can notice when the launcher is gone. */
export function startChild(spec: ChildSpec): RunningChild {
  const child = spawn(process.execPath, ['--require', exitWithParentScript, ...spec.args], {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    name: spec.name,
    process: child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers with a status below 500, or throws after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  child: RunningChild,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${child.name} exited with code ${child.process.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${child.name} did not become ready at ${url} within ${timeoutMs / 1000} s (${lastProblem})`,
  );
}
