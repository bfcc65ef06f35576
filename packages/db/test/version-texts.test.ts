// The extraction job's record of a version's text: pages replaced whole, a failure clears what an
// earlier run stored (a stale page would keep matching searches), and the text is searchable.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  insertDocument,
  insertVersion,
  markVersionTextMissing,
  readVersionText,
  saveVersionText,
} from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const scratch = useScratchDatabase({ state: 'seeded' });
let versionId: string;

beforeAll(async () => {
  const documentId = await insertDocument(scratch.pool, {
    organization: 'ofa',
    identifier: 'TEXT-1',
    title: 'Fabric text',
    abstract: '',
    status: 'work-in-progress',
    visibility: 'partners',
    createdBy: null,
  });
  versionId = randomUUID();
  await insertVersion(scratch.pool, {
    id: versionId,
    documentId: documentId as string,
    label: '0.9a',
    filename: 'fabric.pdf',
    size: 10,
    mediaType: 'application/pdf',
    sha256: '0'.repeat(64),
    storageKey: `test/${versionId}`,
    createdBy: null,
  });
});

describe('version text', () => {
  it('starts pending with no pages', async () => {
    expect(await readVersionText(scratch.pool, versionId)).toMatchObject({
      status: 'pending',
      failure: null,
      pages: [],
    });
  });

  it('stores pages in order, replaces them on a second run, and they are searchable', async () => {
    await saveVersionText(scratch.pool, versionId, [
      { page: 2, body: 'zoning rules' },
      { page: 1, body: 'FabricAdapter overview' },
    ]);
    await saveVersionText(scratch.pool, versionId, [
      { page: 1, body: 'FabricAdapter overview' },
      { page: 2, body: 'zoning rules, revised' },
    ]);
    const text = await readVersionText(scratch.pool, versionId);
    expect(text?.status).toBe('extracted');
    expect(text?.pages).toEqual([
      { page: 1, body: 'FabricAdapter overview' },
      { page: 2, body: 'zoning rules, revised' },
    ]);
    const found = await scratch.pool.query<{ page: number }>(
      `select page from version_text_pages where search @@ to_tsquery('english', 'zone:*')`,
    );
    expect(found.rows).toEqual([{ page: 2 }]);
  });

  it("keeps a long page's search vector uncompressed, so testing it decompresses nothing", async () => {
    // 250 words like a spec's page: a tsvector over the 2 KB past which PostgreSQL would compress it.
    const body = Array.from(
      { length: 250 },
      (_, i) => `term${String(i * 7).padStart(4, '0')}`,
    ).join(' ');
    await saveVersionText(scratch.pool, versionId, [{ page: 1, body }]);
    const stored = await scratch.pool.query<{ bytes: number; compression: string | null }>(
      `select pg_column_size(search) as bytes, pg_column_compression(search) as compression
         from version_text_pages where version_id = $1 and search @@ to_tsquery('english', 'term1743')`,
      [versionId],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.bytes).toBeGreaterThan(2048);
    expect(stored.rows[0]!.compression).toBeNull();
  });

  it('drops stored pages when a later run fails, and says why', async () => {
    await markVersionTextMissing(scratch.pool, versionId, 'failed', 'encrypted PDF');
    expect(await readVersionText(scratch.pool, versionId)).toMatchObject({
      status: 'failed',
      failure: 'encrypted PDF',
      pages: [],
    });
  });

  it('answers undefined for a version that does not exist', async () => {
    expect(await readVersionText(scratch.pool, randomUUID())).toBeUndefined();
  });
});
