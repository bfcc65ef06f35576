// The demo mail catcher's list: newest first by the time it shows, whatever order the rows were
// written in (issue 17: the page said newest first and was not).
import { describe, expect, it } from 'vitest';
import { insertCaughtMail, listCaughtMail } from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'migrated' });

describe('listCaughtMail', () => {
  it('lists the newest received first, even when it was written first', async () => {
    const received = ['2026-12-04T10:00:02Z', '2026-12-04T10:00:00Z', '2026-12-04T10:00:01Z'];
    for (const [index, at] of received.entries()) {
      const id = await insertCaughtMail(db.pool, {
        envelopeFrom: 'portal@example',
        envelopeTo: ['someone@example'],
        subject: `mail ${index}`,
        text: 'body',
        size: 4,
      });
      await db.pool.query('update caught_mail set received_at = $2 where id = $1', [id, at]);
    }
    const listed = await listCaughtMail(db.pool, 10);
    expect(listed.map((mail) => mail.subject)).toEqual(['mail 0', 'mail 2', 'mail 1']);
    expect(listed.map((mail) => mail.receivedAt.toISOString())).toEqual([
      '2026-12-04T10:00:02.000Z',
      '2026-12-04T10:00:01.000Z',
      '2026-12-04T10:00:00.000Z',
    ]);
  });
});
