import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Pool } from '@liaison/db';
import { createTempDataDir } from '@liaison/embedded-stack';
import type { S3Storage } from '@liaison/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectFile } from '../src/services/backup/manifest.js';
import { restoreBackup } from '../src/services/backup/restore-backup.js';
import { writeBackup } from '../src/services/backup/write-backup.js';
import { seedDemoDocuments } from '../src/services/demo/seed-demo-documents.js';
import { seedDemoReview } from '../src/services/demo/seed-demo-review.js';
import { seedDemoStatements } from '../src/services/demo/seed-demo-statements.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
import { commented, openedReview, sharedDocument } from './review-fixtures.js';
import { createScratchStack } from './scratch-stack.js';
import { attach, createDraft } from './statement-fixtures.js';
import { filePart, submit } from './submission-fixtures.js';

const quiet = () => {};

/**
 * Every row of every application table, as PostgreSQL's JSON text, in a stable order (not the
 * migrations ledger: the restore migrates the empty database itself).
 */
async function allRows(pool: Pool): Promise<Record<string, string[]>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ row: string }>(
      `select to_jsonb(t)::text as row from "${name}" t order by 1`,
    );
    result[name] = rows.map((row) => row.row);
  }
  return result;
}

async function storedSha256(storage: S3Storage, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await storage.getStream(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every stored file a row references, with the hash the row records. */
async function referencedFiles(pool: Pool): Promise<{ key: string; sha256: string }[]> {
  const { rows } = await pool.query<{ key: string; sha256: string }>(
    `select storage_key as key, sha256 from document_versions
     union all select storage_key, sha256 from submission_files
     union all select storage_key, sha256 from statement_attachments
     union all select attachment_storage_key, attachment_sha256 from review_comments
                where attachment_storage_key is not null
     order by 1`,
  );
  return rows;
}

describe('backup and restore', () => {
  let api: RunningApi;
  let backup: string;

  beforeAll(async () => {
    api = await startApi();
    await seedDemoDocuments({ pool: api.pool, storage: api.storage });
    await seedDemoStatements({ pool: api.pool });
    await seedDemoReview(api.pool);
    // One file of each kind the portal stores, uploaded through the API.
    const ofaEditor = await TestClient.signIn(api.url, 'editor@ofa.example');
    const dmtfEditor = await TestClient.signIn(api.url, 'editor@dmtf.example');
    const ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
    await submit(ofaEditor, { files: [filePart('model.pdf', randomBytes(70_000))] });
    const draft = await createDraft(ofaEditor);
    const attached = await attach(ofaEditor, draft.id, [
      filePart('liaison.pdf', randomBytes(9_000)),
    ]);
    expect(attached.status).toBe(201);
    const review = await openedReview(dmtfEditor, await sharedDocument(dmtfEditor));
    await commented(ofaMember, review, {}, [filePart('markup.pdf', randomBytes(5_000))]);

    backup = join(await createTempDataDir('liaison-backup-'), 'backup');
    await writeBackup({ pool: api.pool, storage: api.storage, progress: quiet }, backup);
  });

  afterAll(async () => {
    await api?.close();
    if (backup) await rm(dirname(backup), { recursive: true, force: true });
  });

  it('brings back every row and every file, byte for byte, into an empty stack', async () => {
    const target = await createScratchStack('restore');
    try {
      const summary = await restoreBackup(
        { pool: target.pool, storage: target.storage, progress: quiet },
        backup,
      );
      const before = await allRows(api.pool);
      const after = await allRows(target.pool);
      for (const table of ['documents', 'document_versions', 'submissions', 'submission_files']) {
        expect(before[table]?.length, table).toBeGreaterThan(0);
      }
      for (const table of ['work_registers', 'statement_attachments', 'review_comments']) {
        expect(before[table]?.length, table).toBeGreaterThan(0);
      }
      expect(after).toEqual(before);

      const files = await referencedFiles(target.pool);
      const kinds = new Set(files.map((file) => file.key.split('/')[0]));
      expect(kinds.size).toBe(4);
      expect(summary.objects).toBe(files.length);
      for (const file of files) {
        expect(await storedSha256(target.storage, file.key), file.key).toBe(file.sha256);
      }
      // Identity columns go on from where they were, not from 1.
      const next = async (pool: Pool) =>
        (await pool.query<{ max: string }>('select max(id)::text as max from audit_events')).rows[0]
          ?.max;
      expect(await next(target.pool)).toBe(await next(api.pool));
      await target.pool.query(
        `insert into audit_events (action, object_type) values ('backup.test', 'none')`,
      );
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds data, and changes nothing in it', async () => {
    const target = await createScratchStack('restore');
    try {
      await restoreBackup({ pool: target.pool, storage: target.storage, progress: quiet }, backup);
      const before = await allRows(target.pool);
      await expect(
        restoreBackup({ pool: target.pool, storage: target.storage, progress: quiet }, backup),
      ).rejects.toThrow(/the database is not empty \(table \w+ has rows\)/);
      expect(await allRows(target.pool)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses a damaged backup before writing anything', async () => {
    const target = await createScratchStack('restore');
    const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as {
      objects: { key: string }[];
    };
    const victim = join(backup, objectFile(manifest.objects[0]!.key));
    const original = await readFile(victim);
    const damaged = Buffer.from(original);
    damaged[0] = damaged[0]! ^ 0xff;
    await writeFile(victim, damaged);
    try {
      await expect(
        restoreBackup({ pool: target.pool, storage: target.storage, progress: quiet }, backup),
      ).rejects.toThrow(/does not match its SHA-256 in the manifest/);
      const { rows } = await target.pool.query<{ tables: number }>(
        `select count(*)::int as tables from pg_tables where schemaname = 'public'`,
      );
      expect(rows[0]?.tables).toBe(0);
      const stored: string[] = [];
      await target.storage.ensureBucket();
      for await (const object of target.storage.list('')) stored.push(object.key);
      expect(stored).toEqual([]);
    } finally {
      await writeFile(victim, original);
      await target.close();
    }
  });

  it('refuses to write into a directory that is not empty', async () => {
    await expect(
      writeBackup({ pool: api.pool, storage: api.storage, progress: quiet }, backup),
    ).rejects.toThrow(/is not empty/);
  });
});
