import { verifyPassword } from '@liaison/core/server';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoUsers,
  listOrganizations,
  listVisibleRegisters,
  seedDemoData,
} from '../src/index.js';
import { expectSeedAddsNothingAgain } from './demo-seed.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'migrated' });

async function counts() {
  const result = await db.pool.query(`select
    (select count(*)::int from organizations) as organizations,
    (select count(*)::int from users) as users,
    (select count(*)::int from memberships) as memberships,
    (select count(*)::int from work_registers) as registers,
    (select count(*)::int from register_parties) as parties`);
  return result.rows[0];
}

describe('demo seed', () => {
  it('loads the fixed demo organizations, users and registers, and is idempotent', async () => {
    await seedDemoData(db.pool);
    await expectSeedAddsNothingAgain(db.pool, counts, {
      organizations: 3,
      users: 10,
      memberships: 9,
      registers: 2,
      parties: 4,
    });
  });

  it('keeps a password someone changed when it runs again', async () => {
    await db.pool.query(
      `update users set password_hash = 'changed' where email = 'member@ofa.example'`,
    );
    await seedDemoData(db.pool);
    const row = await db.pool.query(
      `select password_hash from users where email = 'member@ofa.example'`,
    );
    expect(row.rows[0].password_hash).toBe('changed');
  });

  it('gives every demo user the demo password and the documented role', async () => {
    const result = await db.pool.query<{
      email: string;
      password_hash: string;
      is_operator: boolean;
    }>(`select email, password_hash, is_operator from users where email = any($1) order by email`, [
      ['admin@dmtf.example', 'operator@liaison.example'],
    ]);
    for (const row of result.rows) {
      expect(await verifyPassword(DEMO_PASSWORD, row.password_hash)).toBe(true);
      expect(await verifyPassword('wrong-password', row.password_hash)).toBe(false);
    }
    expect(result.rows.map((row) => [row.email, row.is_operator])).toEqual([
      ['admin@dmtf.example', false],
      ['operator@liaison.example', true],
    ]);
    const roles = await db.pool.query(
      `select u.email, o.slug, m.role from memberships m join users u on u.id = m.user_id
         join organizations o on o.id = m.organization_id order by u.email`,
    );
    const expected = demoUsers.flatMap((user) =>
      user.memberships.map((m) => ({ email: user.email, slug: m.organization, role: m.role })),
    );
    expect(roles.rows).toEqual(expect.arrayContaining(expected));
    expect(roles.rows).toHaveLength(expected.length);
  });

  it('lists organizations by name', async () => {
    const organizations = await listOrganizations(db.pool);
    expect(organizations.map((o) => o.slug)).toEqual(['dmtf', 'ofa', 'snia']);
  });

  it('shows approved registers to everyone and drafts only to their parties', async () => {
    const anonymous = await listVisibleRegisters(db.pool, {
      organizationSlugs: [],
      operator: false,
    });
    expect(anonymous.map((r) => r.slug)).toEqual(['ofa-dmtf']);
    expect(anonymous[0]).toMatchObject({
      title: 'OFA/DMTF Work Register',
      version: '1.0b',
      state: 'approved',
      initiatedOn: '2018-09-13',
      reviewDue: '2020-03-01',
      parties: [
        { organization: 'ofa', name: 'OpenFabrics Alliance' },
        { organization: 'dmtf', name: 'Distributed Management Task Force' },
      ],
    });
    const ofa = await listVisibleRegisters(db.pool, {
      organizationSlugs: ['ofa'],
      operator: false,
    });
    expect(ofa.map((r) => r.slug)).toEqual(['ofa-dmtf']);
    const snia = await listVisibleRegisters(db.pool, {
      organizationSlugs: ['snia'],
      operator: false,
    });
    expect(snia.map((r) => r.slug)).toEqual(['ofa-dmtf', 'snia-dmtf']);
    const operator = await listVisibleRegisters(db.pool, { organizationSlugs: [], operator: true });
    expect(operator.map((r) => r.slug)).toEqual(['ofa-dmtf', 'snia-dmtf']);
  });
});
