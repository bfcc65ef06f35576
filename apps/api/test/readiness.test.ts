import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createEmbeddedPostgres,
  createTempDataDir,
  type EmbeddedPostgres,
  findFreePort,
} from '@liaison/embedded-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './helpers.js';

// A PostgreSQL server of this file's own, so stopping it does not disturb other tests.
let dataDir: string;
let postgres: EmbeddedPostgres;
let api: RunningApi;

beforeAll(async () => {
  dataDir = await createTempDataDir('liaison-readyz');
  postgres = createEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: await findFreePort(),
    database: 'liaison',
    ephemeral: true,
  });
  await postgres.start();
  api = await startApi({ DATABASE_URL: postgres.url });
});

afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function readiness() {
  const response = await fetch(`${api.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/readyz', () => {
  it('turns 503 while PostgreSQL is stopped and 200 again once it is back', async () => {
    expect((await readiness()).status).toBe(200);

    await postgres.stop();
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      checks: { database: { ok: false }, storage: { ok: true } },
    });
    expect(typeof (down.body.checks as { database: { error: string } }).database.error).toBe(
      'string',
    );

    await postgres.start();
    const up = await readiness();
    expect(up).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: { ok: true }, storage: { ok: true } } },
    });
  });
});
