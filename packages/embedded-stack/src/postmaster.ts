import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Whether the process runs (EPERM: it does, as another user's). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The PostgreSQL server whose lock file (postmaster.pid: the pid on line 1, the port on line 4)
 * the cluster holds, when that process still runs; undefined when none does.
 */
export async function runningPostmaster(
  clusterDir: string,
): Promise<{ pid: number; port: number | undefined } | undefined> {
  const lock = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = lock?.split('\n') ?? [];
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessRunning(pid)) return undefined;
  const port = Number.parseInt(lines[3] ?? '', 10);
  return { pid, port: port > 0 ? port : undefined };
}
