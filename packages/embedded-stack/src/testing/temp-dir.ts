import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temporary directory for a throw-away stack. mkdtemp makes it private (0700); under root
 * the `postgres` user must pass through it, so it is opened to traversal.
 */
export async function createTempDataDir(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), `${prefix}-`));
  await chmod(directory, 0o755);
  return directory;
}
