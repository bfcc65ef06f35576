// Submission references (OFA-DMTF-2026-003): existing submissions get theirs when the migration
// runs, numbered per sender, receiver and year in the order they were made, and new ones continue
// each pair's count; parallel submissions never share a number. What would be lost without it: a
// reference quoted in a meeting that points at two submissions, or at none.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertSubmission, migrate } from '../src/index.js';
import { migrateBefore, useScratchDatabase } from './scratch-database.js';

const scratch = useScratchDatabase();
const SHA = 'a'.repeat(64);

async function references(): Promise<Array<{ title: string; reference: string }>> {
  const result = await scratch.pool.query<{ title: string; reference: string }>(
    'select title, reference from submissions order by seq',
  );
  return result.rows;
}

describe('submission references', () => {
  it('numbers existing submissions per pair and year, and new ones after them', async () => {
    await migrateBefore(scratch.pool, '0022');
    await scratch.pool.query(
      `insert into organizations (slug, name) values ('ofa', 'OFA'), ('dmtf', 'DMTF'), ('snia', 'SNIA');
       insert into work_registers (slug, title) values ('ofa-dmtf', 'OFA and DMTF');`,
    );
    const old = [
      ['ofa', 'dmtf', '2025-03-01', 'first 2025'],
      ['dmtf', 'ofa', '2025-04-01', 'the other way'],
      ['ofa', 'dmtf', '2025-05-01', 'second 2025'],
      ['ofa', 'snia', '2025-06-01', 'to SNIA'],
      ['ofa', 'dmtf', '2026-01-02', 'first 2026'],
    ];
    for (const [from, to, at, title] of old) {
      await scratch.pool.query(
        `insert into submissions (register_id, from_organization_id, to_organization_id, title,
                                  ipr_acknowledged_at, ipr_policy_sha256, created_at)
         select r.id, f.id, t.id, $4, $3, $5, $3
           from work_registers r, organizations f, organizations t
          where r.slug = 'ofa-dmtf' and f.slug = $1 and t.slug = $2`,
        [from, to, at, title, SHA],
      );
    }
    await migrate(scratch.pool);
    expect(await references()).toEqual([
      { title: 'first 2025', reference: 'OFA-DMTF-2025-001' },
      { title: 'the other way', reference: 'DMTF-OFA-2025-001' },
      { title: 'second 2025', reference: 'OFA-DMTF-2025-002' },
      { title: 'to SNIA', reference: 'OFA-SNIA-2025-001' },
      { title: 'first 2026', reference: 'OFA-DMTF-2026-001' },
    ]);

    const year = new Date().getUTCFullYear();
    const { rows } = await scratch.pool.query<{ id: string }>(
      `select id from work_registers where slug = 'ofa-dmtf'`,
    );
    const submitter = await scratch.pool.query<{ id: string }>(
      `insert into users (email, name) values ('editor@ofa.example', 'Editor') returning id`,
    );
    const submit = (title: string) =>
      insertSubmission(scratch.pool, {
        id: randomUUID(),
        registerId: rows[0]!.id,
        from: 'ofa',
        to: 'dmtf',
        title,
        description: '',
        submittedBy: submitter.rows[0]!.id,
        iprPolicySha256: SHA,
      });
    // Twelve at once between the same pair: twelve different, consecutive numbers.
    await Promise.all(Array.from({ length: 12 }, (_, index) => submit(`parallel ${index}`)));
    const made = (await references()).filter((row) => row.title.startsWith('parallel'));
    const numbers = made.map((row) => row.reference).sort();
    const already = year === 2026 ? 1 : 0;
    expect(numbers).toEqual(
      Array.from(
        { length: 12 },
        (_, index) => `OFA-DMTF-${year}-${String(already + index + 1).padStart(3, '0')}`,
      ),
    );
  });
});
