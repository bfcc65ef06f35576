import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  deleteDocumentRow,
  demoDocuments,
  insertDocument,
  insertVersion,
  listVersions,
  migrate,
  type Pool,
  seedDemoData,
} from '@liaison/db';
import { findFreePort } from '@liaison/embedded-stack';
import type { S3Storage } from '@liaison/storage';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { versionStorageKey } from '../src/services/documents/storage-keys.js';
import {
  type ReaperLog,
  type ReapSummary,
  reapOrphanedObjects,
} from '../src/services/maintenance/reap-orphaned-objects.js';
import { TestClient } from './client.js';
import { runReapCli } from './reap-cli.js';
import { createScratchStack, type ScratchStack } from './scratch-stack.js';

/** Versions the API's demo seed adds at start-up (LIAISON_DEMO=true). */
const DEMO_VERSIONS = demoDocuments.reduce((total, demo) => total + demo.versions.length, 0);

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const MiB = 1024 * 1024;
const HOUR_MS = 3_600_000;

/** A stack of the test's own: the reaper looks at a whole bucket. */
async function scratch(options: { seed: boolean }): Promise<ScratchStack> {
  const stack = await createScratchStack('reaper');
  await migrate(stack.pool);
  if (options.seed) await seedDemoData(stack.pool);
  await stack.storage.ensureBucket();
  return stack;
}

interface LogLine {
  level: string;
  details: object;
  message: string;
}

function capturingLog(lines: LogLine[] = []): ReaperLog & { lines: LogLine[] } {
  const at = (level: string) => (details: object, message: string) =>
    lines.push({ level, details, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function putObject(storage: S3Storage, key: string, bytes: Buffer | string) {
  return storage.putStream(key, Readable.from([Buffer.from(bytes)]));
}

async function keysUnder(storage: S3Storage, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  return keys;
}

async function createDocumentRow(pool: Pool): Promise<string> {
  const id = await insertDocument(pool, {
    organization: 'dmtf',
    identifier: `DSP${randomBytes(3).toString('hex')}`,
    title: 'Reaper test document',
    abstract: '',
    status: 'work-in-progress',
    visibility: 'organization',
    createdBy: null,
  });
  if (!id) throw new Error('document not created');
  return id;
}

/** A version row and its object, the way a completed upload leaves them. */
async function createStoredVersion(scope: ScratchStack, documentId: string, label: string) {
  const versionId = randomUUID();
  const storageKey = versionStorageKey(documentId, versionId);
  const object = await putObject(scope.storage, storageKey, `content of ${label}`);
  await insertVersion(scope.pool, {
    id: versionId,
    documentId,
    label,
    filename: `${label}.pdf`,
    size: object.size,
    mediaType: 'application/pdf',
    sha256: object.sha256,
    storageKey,
    createdBy: null,
  });
  return { versionId, storageKey };
}

describe('reapOrphanedObjects, over the real PostgreSQL and S3 servers', () => {
  let scope: ScratchStack;
  let log: ReturnType<typeof capturingLog>;
  beforeEach(async () => {
    scope = await scratch({ seed: true });
    log = capturingLog();
  });
  afterEach(async () => {
    await scope.close();
  });

  const reap = (olderThanMs: number, now?: Date) =>
    reapOrphanedObjects(
      { pool: scope.pool, storage: scope.storage, log },
      { olderThanMs, ...(now ? { now } : {}) },
    );

  it('deletes an unreferenced object older than the threshold and keeps a referenced one', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const kept = await createStoredVersion(scope, documentId, '1.0');
    const orphan = versionStorageKey(documentId, randomUUID());
    await putObject(scope.storage, orphan, 'left behind by a crash');

    // Two hours from now, the orphan is older than the one-hour threshold.
    const summary = await reap(HOUR_MS, new Date(Date.now() + 2 * HOUR_MS));

    expect(summary).toEqual({
      scanned: 2,
      deleted: [orphan],
      keptYoung: 0,
      abortedUploads: [],
      checkedVersions: 1,
      checkedSubmissionFiles: 0,
      missingObjects: [],
    });
    expect(await scope.storage.stat(orphan)).toBeUndefined();
    expect(await scope.storage.stat(kept.storageKey)).toBeDefined();
    expect(await listVersions(scope.pool, documentId)).toHaveLength(1);
  });

  it('keeps an unreferenced object younger than the threshold: it may be an upload about to commit', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const young = versionStorageKey(documentId, randomUUID());
    await putObject(scope.storage, young, 'an upload whose row is about to commit');

    const summary = await reap(HOUR_MS);

    expect(summary).toEqual({
      scanned: 1,
      deleted: [],
      keptYoung: 1,
      abortedUploads: [],
      checkedVersions: 0,
      checkedSubmissionFiles: 0,
      missingObjects: [],
    });
    expect(await scope.storage.stat(young)).toBeDefined();
  });

  it('reports a version row whose object is missing, and changes nothing about it', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const intact = await createStoredVersion(scope, documentId, '1.0');
    const lost = await createStoredVersion(scope, documentId, '2.0');
    await scope.storage.delete(lost.storageKey);

    const summary = await reap(0);

    expect(summary).toEqual({
      scanned: 1,
      deleted: [],
      keptYoung: 0,
      abortedUploads: [],
      checkedVersions: 2,
      checkedSubmissionFiles: 0,
      missingObjects: [{ versionId: lost.versionId, storageKey: lost.storageKey }],
    });
    expect(log.lines).toContainEqual({
      level: 'error',
      details: { versionId: lost.versionId, storageKey: lost.storageKey },
      message: 'a version row references an object that does not exist',
    });
    expect((await listVersions(scope.pool, documentId)).map((v) => v.id).sort()).toEqual(
      [intact.versionId, lost.versionId].sort(),
    );
  });

  it('makes `reap` exit with status 2 when a row is missing its object, and print it', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const lost = await createStoredVersion(scope, documentId, '1.0');
    await scope.storage.delete(lost.storageKey);

    const reaped = await runReapCli({ ...scope.env }, []);

    expect(reaped.code, reaped.stderr).toBe(2);
    expect(reaped.stdout).toContain(`MISSING  ${lost.storageKey}  (version ${lost.versionId})`);
    expect(reaped.stderr).toContain('a version row references an object that does not exist');
  });

  it('does not report the versions of a document deleted while it runs', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const version = await createStoredVersion(scope, documentId, '1.0');
    // The deletion commits its rows, then removes the objects: a stat in between must not count.
    const storage = scope.storage;
    const racing: S3Storage = Object.create(storage, {
      stat: {
        value: async (key: string) => {
          await deleteDocumentRow(scope.pool, documentId);
          await storage.delete(key);
          return storage.stat(key);
        },
      },
    });
    const summary = await reapOrphanedObjects(
      { pool: scope.pool, storage: racing, log },
      { olderThanMs: HOUR_MS },
    );
    expect(summary.checkedVersions).toBe(1);
    expect(summary.missingObjects).toEqual([]);
    expect(await scope.storage.stat(version.storageKey)).toBeUndefined();
  });

  it('works through more objects than one batch, deleting only the unreferenced ones', async () => {
    const documentId = await createDocumentRow(scope.pool);
    const versions = [];
    for (let i = 0; i < 4; i += 1)
      versions.push(await createStoredVersion(scope, documentId, `${i}`));
    const orphans: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      const key = versionStorageKey(documentId, randomUUID());
      await putObject(scope.storage, key, `orphan ${i}`);
      orphans.push(key);
    }

    const summary = await reapOrphanedObjects(
      { pool: scope.pool, storage: scope.storage, log },
      { olderThanMs: 0, batchSize: 3 },
    );

    expect(summary.scanned).toBe(13);
    expect([...summary.deleted].sort()).toEqual([...orphans].sort());
    expect(summary.checkedVersions).toBe(4);
    expect(summary.missingObjects).toEqual([]);
    expect((await keysUnder(scope.storage, 'documents/')).sort()).toEqual(
      versions.map((v) => v.storageKey).sort(),
    );
  });

  it('looks only under the prefixes it owns (documents/, submissions/, statements/, review-comments/)', async () => {
    await putObject(scope.storage, 'elsewhere/not-a-version', 'not the reaper’s business');
    const summary = await reap(0, new Date(Date.now() + 2 * HOUR_MS));
    expect(summary.scanned).toBe(0);
    expect(await scope.storage.stat('elsewhere/not-a-version')).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------

interface ApiProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** The API as a separate process from its TypeScript sources, as `npm run dev` runs it. */
async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    ['--conditions=liaison-source', '--import', 'tsx', 'apps/api/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        LIAISON_DEMO: 'true',
        LOG_LEVEL: 'warn',
        REAPER_INTERVAL_MINUTES: '0',
      },
      // With an IPC channel: should this test process die, the API shuts itself down.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not become ready:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, child, exited, output: () => output };
}

/**
 * Starts a multipart upload of `totalBytes` and streams it with backpressure; resolves once
 * `pauseAfter` bytes of the file have been taken by the server, leaving the request open.
 */
async function startLargeUpload(
  api: ApiProcess,
  token: string,
  documentId: string,
  options: { totalBytes: number; pauseAfter: number },
) {
  const boundary = `----liaison-${randomBytes(8).toString('hex')}`;
  const req = request(`${api.url}/api/v1/documents/${documentId}/versions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  const outcome = new Promise<string>((resolve) => {
    req.once('response', (response) => resolve(`HTTP ${response.statusCode}`));
    req.once('error', (error) => resolve(`error: ${error.message}`));
  });
  const write = (chunk: Buffer | string) =>
    new Promise<void>((resolve, reject) => {
      const ok = req.write(chunk, (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else req.once('drain', resolve);
    });
  await write(
    `--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\n9.9\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const chunk = randomBytes(MiB);
  let sent = 0;
  while (sent < options.pauseAfter && sent < options.totalBytes) {
    await write(chunk);
    sent += chunk.length;
  }
  return { sent, outcome };
}

/**
 * Parts of multipart uploads of keys under `prefix` that were started and never completed, as
 * the embedded S3 server (s3rver) keeps them on disk: evidence that a crash hit mid-upload.
 * They are not objects (nothing lists or serves them); the reaper aborts them once old enough.
 */
async function unfinishedPartsUnder(bucket: string, prefix: string): Promise<number> {
  const uploadsDir = join(dirname(inject('postgresDataDir')), 's3', bucket, '._S3rver_uploads');
  let parts = 0;
  for (const uploadId of await readdir(uploadsDir).catch(() => [])) {
    const key = await readFile(join(uploadsDir, uploadId, 'key'), 'utf8').catch(() => '');
    if (!key.startsWith(prefix)) continue;
    const files = await readdir(join(uploadsDir, uploadId));
    parts += files.filter((file) => /^\d+$/.test(file)).length;
  }
  return parts;
}

/** What is left in the embedded S3 server's directory of uploads in progress, for the bucket. */
async function uploadDirectories(bucket: string): Promise<string[]> {
  return readdir(join(dirname(inject('postgresDataDir')), 's3', bucket, '._S3rver_uploads')).catch(
    () => [],
  );
}

/** Waits until the API's start-up reaper job has run (no reaper job is left in the queue). */
async function waitForStartUpReap(pool: Pool): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await pool.query<{ count: number }>(
      `select count(*)::int as count from graphile_worker.jobs
        where task_identifier = 'reap-orphaned-objects'`,
    );
    if (rows[0]!.count === 0) return;
    if (Date.now() > deadline) throw new Error('the start-up reap did not run');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a crash in the middle of an upload', () => {
  let scope: ScratchStack | undefined;
  const processes: ApiProcess[] = [];
  afterAll(async () => {
    for (const api of processes) {
      if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGKILL');
        await api.exited;
      }
    }
    await scope?.close();
  });

  it('leaves no partial version and, after a restart and a reap, no object and no upload part behind', async () => {
    // The API seeds and migrates its database itself at start-up.
    scope = await scratch({ seed: false });
    const env = { ...scope.env, AUTH_SECRET: 'reaper-test-secret-of-at-least-32-characters' };

    const first = await startApiProcess(env);
    processes.push(first);
    const editor = await TestClient.signIn(first.url, 'editor@dmtf.example', 'liaison-demo');
    const create = async (identifier: string) => {
      const created = await editor.json<{ id: string }>('POST', '/api/v1/documents', {
        organization: 'dmtf',
        identifier,
        title: `Crash test ${identifier}`,
        status: 'work-in-progress',
        visibility: 'organization',
        // Its stand-in PDFs could not be stamped; watermarks.test.ts covers those.
        watermark: false,
      });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    const crashed = await create('DSP9001');
    // A document with a complete version: the reaper must leave it alone.
    const intact = await create('DSP9002');
    const content = 'a complete version, uploaded before the crash';
    const uploaded = await editor.upload(intact, '1.0', content);
    expect(uploaded.status).toBe(201);

    // 40 of 64 MiB taken by the server (with backpressure, so several 8 MiB parts have gone to
    // the store), then the API dies without a chance to clean up.
    const upload = await startLargeUpload(first, editor.token!, crashed, {
      totalBytes: 64 * MiB,
      pauseAfter: 40 * MiB,
    });
    expect(upload.sent).toBe(40 * MiB);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await upload.outcome).toMatch(/^error: /);
    // The kill came in the middle: parts had reached the store, the upload was never completed.
    expect(
      await unfinishedPartsUnder(scope.env.S3_BUCKET, `documents/${crashed}/`),
    ).toBeGreaterThan(0);

    // The other crash window: the object was fully stored, and the process died before its row
    // committed. Too narrow to hit with a signal, so the object is put there directly, as the
    // upload would have (one small, one multipart).
    const leftovers = [
      versionStorageKey(crashed, randomUUID()),
      versionStorageKey(crashed, randomUUID()),
    ].sort();
    await putObject(scope.storage, leftovers[0]!, 'a small complete object without a row');
    await scope.storage.putStream(
      leftovers[1]!,
      Readable.from(
        (function* () {
          for (let i = 0; i < 12; i += 1) yield randomBytes(MiB);
        })(),
      ),
    );

    const second = await startApiProcess(env);
    processes.push(second);
    const editorAgain = await TestClient.signIn(second.url, 'editor@dmtf.example', 'liaison-demo');
    // No partial version is ever visible: the row is written only once the object is stored.
    const afterCrash = await editorAgain.json<{ versions: unknown[] }>(
      'GET',
      `/api/v1/documents/${crashed}`,
    );
    expect(afterCrash.status).toBe(200);
    expect(afterCrash.body.versions).toEqual([]);
    // The start-up reap (a job; one-hour threshold) spares objects and uploads this young: they
    // could be uploads about to commit, or still sending parts.
    await waitForStartUpReap(scope.pool);
    expect((await keysUnder(scope.storage, `documents/${crashed}/`)).sort()).toEqual(leftovers);
    expect(
      await unfinishedPartsUnder(scope.env.S3_BUCKET, `documents/${crashed}/`),
    ).toBeGreaterThan(0);

    const reaped = await runReapCli(env, ['--min-age-minutes', '0', '--json']);
    expect(reaped.code, reaped.stderr).toBe(0);
    const summary = JSON.parse(reaped.stdout.trim().split('\n').at(-1)!) as ReapSummary & {
      minAgeMinutes: number;
    };
    expect([...summary.deleted].sort()).toEqual(leftovers);
    // The crashed upload itself: aborted, its parts gone from the store's disk.
    expect(summary.abortedUploads).toHaveLength(1);
    expect(summary.abortedUploads[0]).toMatch(new RegExp(`^documents/${crashed}/`));
    expect(await unfinishedPartsUnder(scope.env.S3_BUCKET, '')).toBe(0);
    expect(await uploadDirectories(scope.env.S3_BUCKET)).toEqual([]);
    const incomplete = [];
    for await (const left of scope.storage.listIncompleteUploads(new Date(Date.now() + HOUR_MS)))
      incomplete.push(left);
    expect(incomplete).toEqual([]);
    expect(summary.missingObjects).toEqual([]);
    // The intact version, and the demo documents' versions the API seeded at start-up.
    expect(summary.checkedVersions).toBe(1 + DEMO_VERSIONS);
    expect(summary.minAgeMinutes).toBe(0);

    // Nothing is left of the crashed upload, in the API or in the store ...
    const afterReap = await editorAgain.json<{ versions: unknown[] }>(
      'GET',
      `/api/v1/documents/${crashed}`,
    );
    expect(afterReap.body.versions).toEqual([]);
    expect(await listVersions(scope.pool, crashed)).toEqual([]);
    expect(await keysUnder(scope.storage, `documents/${crashed}/`)).toEqual([]);

    // ... the complete version is untouched and still downloads ...
    const survivor = await editorAgain.json<{ versions: { id: string; sha256: string }[] }>(
      'GET',
      `/api/v1/documents/${intact}`,
    );
    expect(survivor.body.versions).toHaveLength(1);
    const download = await editorAgain.fetch(
      `/api/v1/documents/${intact}/versions/${survivor.body.versions[0]!.id}/content`,
    );
    expect(download.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(content).digest('hex'));

    // ... and no row references a missing object: every object is a version and vice versa.
    const check = await reapOrphanedObjects(
      { pool: scope.pool, storage: scope.storage, log: capturingLog() },
      { olderThanMs: 0 },
    );
    expect(check).toEqual({
      scanned: 1 + DEMO_VERSIONS,
      deleted: [],
      keptYoung: 0,
      abortedUploads: [],
      checkedVersions: 1 + DEMO_VERSIONS,
      checkedSubmissionFiles: 0,
      missingObjects: [],
    });

    // A graceful stop still ends cleanly with the reaper wired into shutdown.
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toEqual({ code: 0, signal: null });
  }, 180_000);
});
