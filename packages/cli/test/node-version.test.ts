import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const { MINIMUM_NODE_MAJOR, unsupportedNodeMessage } = createRequire(import.meta.url)(
  '../bin/node-version.cjs',
) as {
  MINIMUM_NODE_MAJOR: number;
  unsupportedNodeMessage(version: string, executable: string): string | undefined;
};
const BIN = fileURLToPath(new URL('../bin/liaison.cjs', import.meta.url));

/**
 * The machine's own Node.js: the first `node` on PATH outside any node_modules/.bin (npm scripts
 * put the project's Node.js 24 first), as `npm install -g ./packages/cli` would run the command.
 */
function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue;
    try {
      accessSync(join(dir, 'node'), constants.X_OK);
      return join(dir, 'node');
    } catch {}
  }
  throw new Error('no node on PATH outside node_modules');
}

describe('the Node.js version check of the liaison bin', () => {
  it('requires the Node.js of package.json engines (22), and names it to an older one', () => {
    expect(MINIMUM_NODE_MAJOR).toBe(22);
    expect(unsupportedNodeMessage('22.0.0', '/opt/node22/bin/node')).toBeUndefined();
    expect(unsupportedNodeMessage('24.21.0', '/opt/node24/bin/node')).toBeUndefined();
    for (const old of ['21.7.3', '20.20.2', '18.20.8', '0.10.48']) {
      const message = unsupportedNodeMessage(old, '/usr/bin/node');
      expect(message).toContain('liaison needs Node.js 22 or newer');
      expect(message).toContain(`this is Node.js ${old} (/usr/bin/node)`);
    }
  });

  it("on the machine's own Node.js: refuses with that message and exit 1 if it is older than 22, else runs", async () => {
    const node = machineNode();
    const version = (await promisify(execFile)(node, ['--version'])).stdout.trim();
    const run = await promisify(execFile)(node, [BIN, '--help']).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    if (Number(version.slice(1).split('.')[0]) < MINIMUM_NODE_MAJOR) {
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`${unsupportedNodeMessage(version.slice(1), node)}\n`);
      expect(run.stdout).toBe('');
    } else {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('liaison');
    }
  });
});
