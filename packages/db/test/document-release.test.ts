// Migration 0008: the release time of documents released before it, and the trigger that keeps
// it right for every write after it.
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/index.js';
import { migrateBefore, useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase();

async function insertDocument(
  identifier: string,
  status: string,
  visibility: string,
  createdAt = '2024-01-01T00:00:00Z',
): Promise<string> {
  const result = await db.pool.query<{ id: string }>(
    `insert into documents (organization_id, identifier, title, status, visibility, created_at)
     select id, $1, $1, $2, $3, $4 from organizations where slug = 'org'
     returning id`,
    [identifier, status, visibility, createdAt],
  );
  return result.rows[0]!.id;
}

async function releaseOf(id: string) {
  const result = await db.pool.query<{ releasedAt: Date | null; releaseSeq: string | null }>(
    `select released_at as "releasedAt", release_seq::text as "releaseSeq" from documents where id = $1`,
    [id],
  );
  const row = result.rows[0]!;
  return { at: row.releasedAt?.toISOString() ?? null, seq: row.releaseSeq };
}

describe('migration 0008_document_released_at', () => {
  it('backfills documents released before it and keeps the release time up to date after it', async () => {
    await migrateBefore(db.pool, '0008');
    await db.pool.query(`insert into organizations (slug, name) values ('org', 'Org')`);
    const madePublic = await insertDocument('MADE-PUBLIC', 'standard', 'public');
    const bornReleased = await insertDocument(
      'BORN',
      'informational',
      'public',
      '2024-02-01T00:00:00Z',
    );
    const partners = await insertDocument('PARTNERS', 'informational', 'partners');
    const publicWip = await insertDocument('PUBLIC-WIP', 'work-in-progress', 'public');
    // The audit trail says when MADE-PUBLIC became public; a title edit later is no release.
    await db.pool.query(
      `insert into audit_events (occurred_at, action, object_type, object_id, details) values
         ('2024-03-01T00:00:00Z', 'document.update', 'document', $1,
          '{"changes":{"visibility":{"from":"partners","to":"public"}}}'),
         ('2024-04-01T00:00:00Z', 'document.update', 'document', $1,
          '{"changes":{"title":{"from":"a","to":"b"}}}')`,
      [madePublic],
    );

    expect(await migrate(db.pool)).toContain('0008');

    expect(await releaseOf(bornReleased)).toEqual({ at: '2024-02-01T00:00:00.000Z', seq: '1' });
    expect(await releaseOf(madePublic)).toEqual({ at: '2024-03-01T00:00:00.000Z', seq: '2' });
    expect(await releaseOf(partners)).toEqual({ at: null, seq: null });
    expect(await releaseOf(publicWip)).toEqual({ at: null, seq: null });

    // After the migration the trigger takes over, numbering on from the backfill.
    await db.pool.query(`update documents set visibility = 'public' where id = $1`, [partners]);
    const nowReleased = await releaseOf(partners);
    expect(nowReleased.seq).toBe('3');
    expect(nowReleased.at).not.toBeNull();
    await db.pool.query(`update documents set status = 'standard' where id = $1`, [partners]);
    expect(await releaseOf(partners)).toEqual(nowReleased);
    await db.pool.query(`update documents set status = 'work-in-progress' where id = $1`, [
      madePublic,
    ]);
    expect(await releaseOf(madePublic)).toEqual({ at: null, seq: null });
    const created = await insertDocument('NEW', 'standard', 'public');
    expect((await releaseOf(created)).seq).toBe('4');
    await db.pool.query(`update documents set status = 'informational' where id = $1`, [publicWip]);
    expect((await releaseOf(publicWip)).seq).toBe('5');
  });
});
