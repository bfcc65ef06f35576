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

export interface SuperviseOptions {
  /** Restarts allowed within `windowMs`; one more crash in that window gives up. */
  maxRestarts: number;
  windowMs: number;
  log: (line: string) => void;
  /** Waits until a (re)started child serves; a child that never does counts as a crash. */
  ready?: (child: RunningChild) => Promise<void>;
}

export interface SupervisedChild {
  name: string;
  /** The process running now. */
  current(): RunningChild;
  /** Resolves with the last exit code once crashes came too often and no restart follows. */
  gaveUp: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Keeps a server running: when it exits on its own it is started again, and the log says so; when
 * it crashes more than `maxRestarts` times within `windowMs`, the supervisor gives up (something
 * is wrong that a restart will not fix) and `gaveUp` resolves.
 */
export function superviseChild(spec: ChildSpec, options: SuperviseOptions): SupervisedChild {
  let child = startChild(spec);
  let stopped = false;
  const crashes: number[] = [];
  const gaveUp = (async () => {
    for (;;) {
      const code = await child.exited;
      if (stopped) return new Promise<never>(() => {});
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - options.windowMs) crashes.shift();
      if (crashes.length > options.maxRestarts) {
        options.log(
          `${spec.name} exited (code ${code}) ${crashes.length} times within ${Math.round(options.windowMs / 60_000)} minutes; not restarting it`,
        );
        return code;
      }
      options.log(
        `${spec.name} exited unexpectedly (code ${code}); restarting it (${crashes.length} of ${options.maxRestarts} restarts allowed within ${Math.round(options.windowMs / 60_000)} minutes)`,
      );
      child = startChild(spec);
      try {
        await options.ready?.(child);
        options.log(`${spec.name} is running again`);
      } catch (error) {
        options.log(`${spec.name} did not come back: ${(error as Error).message}`);
        await child.stop();
      }
    }
  })();
  return {
    name: spec.name,
    current: () => child,
    gaveUp,
    async stop() {
      stopped = true;
      await child.stop();
    },
  };
}
