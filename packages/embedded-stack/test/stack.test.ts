import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmbeddedS3,
  createTempDataDir,
  type EmbeddedS3Options,
  findFreePort,
  startEmbeddedStack,
} from '../src/index.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await createTempDataDir('liaison-stack');
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function query(databaseUrl: string, sql: string) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postmasterPid(): Promise<number> {
  const lock = await readFile(join(dataDir, 'postgres/cluster/postmaster.pid'), 'utf8');
  return Number.parseInt(lock.split('\n')[0] ?? '', 10);
}

describe('the embedded stack', () => {
  it('starts PostgreSQL and S3 on loopback, and a restart keeps the data', async () => {
    const ports = { postgresPort: await findFreePort(), s3Port: await findFreePort() };
    const first = await startEmbeddedStack({ dataDir, ...ports });
    expect(first.env.DATABASE_URL).toBe(
      `postgres://postgres:liaison@127.0.0.1:${ports.postgresPort}/liaison`,
    );
    expect(first.env.S3_ENDPOINT).toBe(`http://127.0.0.1:${ports.s3Port}`);
    await query(first.env.DATABASE_URL, 'create table kept (value text)');
    await query(first.env.DATABASE_URL, `insert into kept values ('still here')`);
    // The S3 server answers the protocol (an unsigned ListBuckets is refused in S3's own XML).
    const s3 = await fetch(first.env.S3_ENDPOINT);
    expect(await s3.text()).toContain('<?xml');
    await first.stop();
    await expect(query(first.env.DATABASE_URL, 'select 1')).rejects.toThrow();

    const second = await startEmbeddedStack({ dataDir, ...ports });
    try {
      expect(await query(second.env.DATABASE_URL, 'select value from kept')).toEqual([
        { value: 'still here' },
      ]);
    } finally {
      await second.stop();
    }
  });

  it('starts over a stale lock file whose process is gone', async () => {
    const stack = await startEmbeddedStack({ dataDir });
    await stack.stop();
    const lockFile = join(dataDir, 'postgres/cluster/postmaster.pid');
    // What a power cut leaves behind: a lock naming a process that no longer exists.
    await writeFile(lockFile, `2147483646\n${join(dataDir, 'postgres/cluster')}\n`);
    const again = await startEmbeddedStack({ dataDir });
    try {
      expect(await query(again.env.DATABASE_URL, 'select 1 as ok')).toEqual([{ ok: 1 }]);
    } finally {
      await again.stop();
    }
  });

  it('stops a PostgreSQL left running by a process killed with SIGKILL, then starts cleanly', async () => {
    const script = fileURLToPath(new URL('./start-and-wait.ts', import.meta.url));
    const owner = spawn(
      process.execPath,
      ['--conditions=liaison-source', '--import', 'tsx', script, dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      owner.stdout?.on(
        'data',
        (chunk: Buffer) => chunk.toString().includes('started') && resolve(),
      );
      owner.once('exit', (code) => reject(new Error(`helper exited early with code ${code}`)));
    });
    const orphan = await postmasterPid();
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    expect(isRunning(orphan)).toBe(true);

    const stack = await startEmbeddedStack({ dataDir });
    try {
      expect(isRunning(orphan)).toBe(false);
      expect(await query(stack.env.DATABASE_URL, 'select 1 as ok')).toEqual([{ ok: 1 }]);
    } finally {
      await stack.stop();
    }
  });

  it('runs the S3 server that createS3 makes on its own directory, and stops it with the rest', async () => {
    // The benchmark passes a factory that runs s3rver in a child process; here a wrapped one.
    const made: { options: EmbeddedS3Options; events: string[] }[] = [];
    const stack = await startEmbeddedStack({
      dataDir,
      createS3: (options) => {
        const s3 = createEmbeddedS3(options);
        const record = { options, events: [] as string[] };
        made.push(record);
        return {
          ...s3,
          start: () => s3.start().then(() => void record.events.push('started')),
          stop: () => s3.stop().then(() => void record.events.push('stopped')),
        };
      },
    });
    expect(made).toHaveLength(1);
    expect(made[0]!.options.dataDir).toBe(join(dataDir, 's3'));
    expect(stack.env.S3_ENDPOINT).toBe(`http://127.0.0.1:${made[0]!.options.port}`);
    expect(made[0]!.events).toEqual(['started']);
    await stack.stop();
    expect(made[0]!.events).toEqual(['started', 'stopped']);
    await expect(fetch(stack.env.S3_ENDPOINT)).rejects.toThrow();
  });

  it('stop() returns when PostgreSQL already ended on its own (Ctrl-C reaches the whole group)', async () => {
    const stack = await startEmbeddedStack({ dataDir });
    const pid = await postmasterPid();
    process.kill(pid, 'SIGINT');
    await stack.stop();
    expect(isRunning(pid)).toBe(false);
  });
});
