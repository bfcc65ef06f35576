import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempDataDir } from '@liaison/embedded-stack';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandLine,
  descendants,
  executableVersion,
  freePorts,
  isRunning,
  launch,
  type Ports,
  postgresPid,
  repoRoot,
  waitUntil,
} from './launch.js';

// What `npm start` runs once everything is built: the embedded stack, the API and the web app.
let dataDir: string;
let ports: Ports;

beforeAll(async () => {
  dataDir = await createTempDataDir('liaison-launch');
  ports = await freePorts();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function expectPortalWorks() {
  const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
  expect(ready.status).toBe(200);
  const home = await fetch(`http://127.0.0.1:${ports.web}/`);
  expect(home.status).toBe(200);
  const html = await home.text();
  expect(html).toContain('OpenFabrics Alliance');
  expect(html).toContain('OFA/DMTF Work Register');
}

/** The lowest Node.js major the project supports: root package.json's `engines.node` (">=22"). */
async function oldestSupportedNodeMajor(): Promise<number> {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  return Number(/^>=(\d+)$/.exec(manifest.engines.node)?.[1]);
}

/** The Node.js versions the running API and web app were started on, read from their executables. */
async function serverNodeVersions(launcherPid: number) {
  const versions: { api: string[]; web: string[] } = { api: [], web: [] };
  for (const pid of await descendants(launcherPid)) {
    const line = (await commandLine(pid).catch(() => [])).join(' ');
    if (line.includes('apps/api/dist/main.js')) versions.api.push(await executableVersion(pid));
    // Next.js renames its server process (process.title) to "next-server (vX.Y.Z)".
    else if (/next-server|next\/dist\/bin\/next/.test(line))
      versions.web.push(await executableVersion(pid));
  }
  return versions;
}

function nodeMajor(version: string): number {
  return Number(/^v(\d+)\./.exec(version)?.[1]);
}

describe('one-command start', () => {
  it('starts the portal, prints URLs and logins, stops cleanly on Ctrl-C, and keeps data across restarts', async () => {
    const first = launch(dataDir, ports);
    await first.ready;
    const banner = first.output();
    expect(banner).toContain(`http://localhost:${ports.web}`);
    expect(banner).toContain(`http://localhost:${ports.api}/api/docs`);
    expect(banner).toContain('admin@ofa.example');
    expect(banner).toContain('operator@liaison.example');
    expect(banner).toContain('liaison-demo');
    await expectPortalWorks();

    // The API and the web app run on a supported Node.js, the one the banner names.
    const oldestMajor = await oldestSupportedNodeMajor();
    expect(oldestMajor).toBeGreaterThanOrEqual(22);
    const versions = await serverNodeVersions(first.process.pid!);
    console.log(`API on Node.js ${versions.api.join(', ')}; web app on ${versions.web.join(', ')}`);
    expect(versions.api).toHaveLength(1);
    expect(versions.web.length).toBeGreaterThan(0);
    for (const version of [...versions.api, ...versions.web]) {
      expect(nodeMajor(version)).toBeGreaterThanOrEqual(oldestMajor);
      expect(banner).toContain(`Node.js          ${version} (API and web app)`);
    }

    // Something to find again after the restart.
    const databaseUrl = `postgres://postgres:liaison@127.0.0.1:${ports.postgres}/liaison`;
    const client = new pg.Client(databaseUrl);
    await client.connect();
    await client.query(
      `insert into organizations (slug, name) values ('restart-marker', 'Restart marker')`,
    );
    await client.end();
    const secret = await readFile(join(dataDir, 'auth-secret'), 'utf8');

    const launcherPid = first.process.pid!;
    const children = await descendants(launcherPid);
    const pgPid = await postgresPid(dataDir);
    expect(pgPid).toBeDefined();
    expect(children).toContain(pgPid);

    first.process.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // No process of the run is left behind.
    await waitUntil(() => children.every((pid) => !isRunning(pid)), 15_000, 'children to exit');
    expect(first.output()).toContain('[liaison] stopped');

    const second = launch(dataDir, ports);
    await second.ready;
    await expectPortalWorks();
    const again = new pg.Client(databaseUrl);
    await again.connect();
    const marker = await again.query(
      `select name from organizations where slug = 'restart-marker'`,
    );
    await again.end();
    expect(marker.rows).toEqual([{ name: 'Restart marker' }]);
    expect(await readFile(join(dataDir, 'auth-secret'), 'utf8')).toBe(secret);
    // The demo seed ran again without duplicating anything.
    const organizations = await fetch(`http://127.0.0.1:${ports.api}/api/v1/organizations`);
    const body = (await organizations.json()) as { items: { slug: string }[] };
    expect(body.items.map((o) => o.slug).sort()).toEqual(['dmtf', 'ofa', 'restart-marker', 'snia']);

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('recovers after the launcher is killed with SIGKILL: servers end, the next start clears the stale lock', async () => {
    const first = launch(dataDir, ports);
    await first.ready;
    const children = await descendants(first.process.pid!);
    const pgPid = (await postgresPid(dataDir))!;
    const postgresFamily = [pgPid, ...(await descendants(pgPid))];

    first.process.kill('SIGKILL');
    await first.exited;
    // API and web notice their launcher is gone and end; PostgreSQL may outlive it.
    const servers = children.filter((pid) => !postgresFamily.includes(pid));
    expect(servers.length).toBeGreaterThan(0);
    await waitUntil(() => servers.every((pid) => !isRunning(pid)), 30_000, 'API and web to exit');

    const second = launch(dataDir, ports);
    await second.ready;
    await expectPortalWorks();
    expect(isRunning(pgPid)).toBe(false);
    second.process.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});
