// The demo mail catcher's list: newest first by the time it shows, whatever order the rows were
// written in (issue 17: the page said newest first and was not).
import { createScratchDatabase, type ScratchDatabase } from '@liaison/embedded-stack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, insertCaughtMail, listCaughtMail, migrate, type Pool } from '../src/index.js';

let database: ScratchDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createScratchDatabase(inject('stack').DATABASE_URL);
  pool = createPool(database.url);
  await migrate(pool);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('listCaughtMail', () => {
  it('lists the newest received first, even when it was written first', async () => {
    const received = ['2026-12-04T10:00:02Z', '2026-12-04T10:00:00Z', '2026-12-04T10:00:01Z'];
    for (const [index, at] of received.entries()) {
      const id = await insertCaughtMail(pool, {
        envelopeFrom: 'portal@example',
        envelopeTo: ['someone@example'],
        subject: `mail ${index}`,
        text: 'body',
        size: 4,
      });
      await pool.query('update caught_mail set received_at = $2 where id = $1', [id, at]);
    }
    const listed = await listCaughtMail(pool, 10);
    expect(listed.map((mail) => mail.subject)).toEqual(['mail 0', 'mail 2', 'mail 1']);
    expect(listed.map((mail) => mail.receivedAt.toISOString())).toEqual([
      '2026-12-04T10:00:02.000Z',
      '2026-12-04T10:00:01.000Z',
      '2026-12-04T10:00:00.000Z',
    ]);
  });
});
