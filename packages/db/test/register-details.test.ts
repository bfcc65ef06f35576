/**
 * A register's items in PostgreSQL (migration 0005): the demo seed fills them once and keeps what
 * the parties made of them, an item can only name a party of its register, and re-ordering the
 * parties keeps their items while a departing party takes its own along.
 */
import { describe, expect, it } from 'vitest';
import {
  findRegister,
  insertContact,
  loadRegisterDetails,
  replaceRegisterParties,
  seedDemoData,
} from '../src/index.js';
import { expectSeedAddsNothingAgain } from './demo-seed.js';
import { useScratchDatabase } from './scratch-database.js';

const db = useScratchDatabase({ state: 'seeded' });

const ITEM_TABLES = [
  'register_benefits',
  'register_activities',
  'register_limitations',
  'register_access_rules',
  'register_milestones',
  'register_commitments',
  'register_contacts',
  'register_approvals',
];

async function itemCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ITEM_TABLES) {
    const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

const registerId = async (slug: string) => (await findRegister(db.pool, slug))!.id;

describe('the demo seed of register items', () => {
  it('fills the registers once and adds nothing when it runs again', async () => {
    // OFA/DMTF: 4 benefits, 2 activities, 1 limitation, 6 access rules, 3 milestones,
    // 2 commitments, 3 contacts, 2 approvals; SNIA/DMTF: 2 activities, 1 milestone, 2 contacts.
    await expectSeedAddsNothingAgain(db.pool, itemCounts, {
      register_benefits: 4,
      register_activities: 4,
      register_limitations: 1,
      register_access_rules: 6,
      register_milestones: 4,
      register_commitments: 2,
      register_contacts: 5,
      register_approvals: 2,
    });
  });

  it('keeps what the parties changed, and fills a register that has no items at all', async () => {
    const ofaDmtf = await registerId('ofa-dmtf');
    await db.pool.query(`delete from register_milestones where register_id = $1 and open`, [
      ofaDmtf,
    ]);
    const sniaDmtf = await registerId('snia-dmtf');
    for (const table of ITEM_TABLES) {
      await db.pool.query(`delete from ${table} where register_id = $1`, [sniaDmtf]);
    }
    await seedDemoData(db.pool);
    const details = await loadRegisterDetails(db.pool, ofaDmtf);
    expect(details.milestones.map((milestone) => milestone.open)).toEqual([false, false]);
    expect((await loadRegisterDetails(db.pool, sniaDmtf)).contacts).toHaveLength(2);
  });
});

describe('parties and their items', () => {
  it('refuses an item naming an organization that is no party of the register', async () => {
    await expect(
      insertContact(db.pool, await registerId('ofa-dmtf'), {
        party: 'snia',
        role: 'SNIA',
        address: 'x@snia.example',
        open: false,
      }),
    ).rejects.toThrow(/foreign key/);
  });

  it('keeps the items of parties that stay when the parties are re-ordered, and drops a leaver’s', async () => {
    const id = await registerId('snia-dmtf');
    const before = await loadRegisterDetails(db.pool, id);
    await replaceRegisterParties(db.pool, id, [
      { organization: 'dmtf', description: 'Redfish.' },
      { organization: 'snia', description: 'Swordfish.' },
    ]);
    expect(await loadRegisterDetails(db.pool, id)).toEqual(before);

    await replaceRegisterParties(db.pool, id, [{ organization: 'dmtf', description: 'Redfish.' }]);
    const after = await loadRegisterDetails(db.pool, id);
    expect(after.contacts.map((contact) => contact.party)).toEqual(['dmtf']);
    expect(after.activities.map((activity) => activity.party)).toEqual(['dmtf']);
  });
});
