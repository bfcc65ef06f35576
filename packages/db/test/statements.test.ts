/**
 * Statements in PostgreSQL (migration 0013): the table's own checks refuse what the API would,
 * so a bug in a service cannot store a statement the rules forbid.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRegister, findStatement, insertStatement, type NewStatement } from '../src/index.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'seeded' });
let draft: NewStatement;

beforeAll(async () => {
  const register = (await findRegister(db.pool, 'ofa-dmtf'))!;
  const author = await db.pool.query<{ id: string }>(
    `select id from users where email = 'editor@ofa.example'`,
  );
  draft = {
    id: randomUUID(),
    registerId: register.id,
    from: 'ofa',
    to: ['dmtf'],
    title: 'A comment',
    body: '',
    purpose: 'comment',
    deadline: '2099-01-01',
    visibility: 'parties',
    senderReference: null,
    receiverReference: null,
    responseContacts: [{ name: 'Liaison', email: 'liaison@ofa.example' }],
    technicalContacts: [],
    refersTo: [],
    createdBy: author.rows[0]!.id,
  };
  await insertStatement(db.pool, draft);
});

describe('the statements tables', () => {
  it('store a draft with its receivers, contacts and creation event', async () => {
    const stored = await findStatement(db.pool, draft.id);
    expect(stored).toMatchObject({
      state: 'draft',
      from: { slug: 'ofa' },
      to: [{ slug: 'dmtf' }],
      deadline: '2099-01-01',
      sentAt: null,
      answer: null,
    });
  });

  it.each([
    ['a comment without a deadline', `update statements set deadline = null where id = $1`],
    [
      'a deadline on an information statement',
      `update statements set purpose = 'information' where id = $1`,
    ],
    [
      'a sent statement without a sending time',
      `update statements set state = 'sent' where id = $1`,
    ],
    [
      'a withdrawal without a reason',
      `update statements set state = 'withdrawn', sent_at = now(), withdrawn_at = now() where id = $1`,
    ],
    [
      'the sender among the receivers',
      `insert into statement_recipients (statement_id, from_organization_id, organization_id, position)
       select s.id, s.from_organization_id, s.from_organization_id, 9 from statements s where s.id = $1`,
    ],
    [
      'a receiver with another sender than the statement’s',
      `insert into statement_recipients (statement_id, from_organization_id, organization_id, position)
       select $1, o.id, (select id from organizations where slug = 'ofa'), 9
         from organizations o where o.slug = 'snia'`,
    ],
    [
      'a statement that refers to itself',
      `insert into statement_references (statement_id, refers_to_id, position) values ($1, $1, 0)`,
    ],
    ['an unknown purpose', `update statements set purpose = 'gossip' where id = $1`],
  ])('refuse %s', async (_name, sql) => {
    await expect(db.pool.query(sql, [draft.id])).rejects.toThrow(/violates/);
  });
});
