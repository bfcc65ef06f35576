import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createEmbeddedS3, type EmbeddedS3, type EmbeddedS3Options } from '@liaison/embedded-stack';

export interface S3Process extends EmbeddedS3 {
  /** The child's pid once started, so its CPU time can be read. */
  readonly pid: number | undefined;
}

const STOP_GRACE_MS = 10_000;

/**
 * The embedded S3 server in a child process of its own, as `npm start` runs it apart from the API
 * and a deployment runs its store apart from every client. In the bench process it would take
 * turns with the load client on one JavaScript thread, and each stall of one would hold up the
 * other. Same server, credentials and directory as `createEmbeddedS3`.
 */
export function s3InChildProcess(options: EmbeddedS3Options): S3Process {
  // Not started: only its address and credentials are used, the child runs its twin.
  const { endpoint, accessKey, secretKey, region } = createEmbeddedS3(options);
  let child: ChildProcess | undefined;
  return {
    endpoint,
    accessKey,
    secretKey,
    region,
    get pid() {
      return child?.pid;
    },
    async start() {
      const main = new URL('./s3-process-main.ts', import.meta.url).pathname;
      // The child runs from the sources, as `npm run bench` does, whatever runs this process.
      const started = spawn(
        process.execPath,
        [
          '--conditions=liaison-source',
          '--import',
          'tsx',
          main,
          options.dataDir,
          String(options.port),
        ],
        { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
      );
      child = started;
      const [outcome] = await Promise.race([
        once(started, 'message'),
        once(started, 'exit').then(([code]) => [new Error(`the S3 process exited with ${code}`)]),
      ]);
      if (outcome instanceof Error) throw outcome;
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
