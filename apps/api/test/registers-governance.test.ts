/**
 * Register governance over HTTP (issue 17): each party edits only its own contacts and
 * commitments; a joint milestone changed by one party is mailed to the other party's admins; every
 * change lands in the register's history (who, when, before → after), read by the parties'
 * members and the operator as the permission table says; approvals carry the board resolution as
 * a portal document; the operator edits the register's text sections.
 */
import type {
  RegisterApproval,
  RegisterContact,
  RegisterHistory,
  RegisterMilestone,
  RegisterPage,
} from '@liaison/core';
import { listOutbox, organizationAdminAddresses } from '@liaison/db';
import { describe, expect, it } from 'vitest';
import type { ErrorAnswer } from './client.js';
import {
  ACTORS,
  ANONYMOUS,
  expectUnchanged,
  OPERATOR,
  tableAllows,
  useRegistersApi,
} from './registers-state.js';

const registers = useRegistersApi();
const { as } = registers;

const REGISTER = '/api/v1/registers/ofa-dmtf';
const JOINT_MAIL = 'register.joint-item.changed';

const readPage = async (actor = 'member@ofa.example') =>
  (await as(actor).json<RegisterPage>('GET', REGISTER)).body;

const history = async (actor = 'member@dmtf.example') =>
  (await as(actor).json<RegisterHistory>('GET', `${REGISTER}/history`)).body.items;

const dmtfContact = async () => (await readPage()).contacts.find((c) => c.party === 'dmtf')!;
const dmtfCommitment = async () => (await readPage()).commitments.find((c) => c.from === 'dmtf')!;

describe('each party edits its own contacts and commitments', () => {
  it("refuses the OFA admin every change to DMTF's contacts and commitments, changing nothing", async () => {
    const contact = await dmtfContact();
    const commitment = await dmtfCommitment();
    const ofaAdmin = as('admin@ofa.example');
    const attempts: [string, string, unknown][] = [
      ['PATCH', `${REGISTER}/contacts/${contact.id}`, { address: 'hijack@ofa.example' }],
      ['DELETE', `${REGISTER}/contacts/${contact.id}`, undefined],
      ['POST', `${REGISTER}/contacts`, { party: 'dmtf', role: 'DMTF', address: 'x@ofa.example' }],
      ['PATCH', `${REGISTER}/commitments/${commitment.id}`, { title: 'Renamed by the OFA' }],
      ['DELETE', `${REGISTER}/commitments/${commitment.id}`, undefined],
      ['POST', `${REGISTER}/commitments`, { from: 'dmtf', to: 'ofa', title: 'Promised for DMTF' }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await expectUnchanged(registers.api.pool, () =>
        body === undefined
          ? ofaAdmin.json<ErrorAnswer>(method, path)
          : ofaAdmin.json<ErrorAnswer>(method, path, body),
      );
      expect([method, path, answer.status, answer.body.error.code]).toEqual([
        method,
        path,
        403,
        'forbidden',
      ]);
    }
    expect(await dmtfContact()).toEqual(contact);
  });

  it('refuses moving an own contact to the other party', async () => {
    const own = (await readPage()).contacts.find((c) => c.party === 'ofa')!;
    const answer = await expectUnchanged(registers.api.pool, () =>
      as('admin@ofa.example').json<ErrorAnswer>('PATCH', `${REGISTER}/contacts/${own.id}`, {
        party: 'dmtf',
      }),
    );
    expect(answer.status).toBe(403);
  });

  it.each(ACTORS)("change DMTF's contact: %s", async (actor) => {
    const contact = await dmtfContact();
    const allowed = tableAllows(actor, 'edit-party-items', 'dmtf');
    const expected = actor === ANONYMOUS ? 401 : allowed ? 200 : 403;
    const send = () =>
      as(actor).json<RegisterContact>('PATCH', `${REGISTER}/contacts/${contact.id}`, {
        role: `DMTF liaison (${actor})`,
      });
    const answer = allowed ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
  });

  it('tells the page which parties’ items the caller may edit', async () => {
    expect((await readPage('admin@ofa.example')).permissions).toEqual({
      manage: false,
      editDetails: true,
      editAs: ['ofa'],
      approveAs: ['ofa'],
      readHistory: true,
    });
    expect((await readPage('anonymous')).permissions).toMatchObject({
      editDetails: false,
      editAs: [],
      readHistory: false,
    });
  });
});

describe('a joint milestone changed by one party', () => {
  it("mails the other party's admins exactly once, saying who changed what", async () => {
    const before = await listOutbox(registers.api.pool, { kind: JOINT_MAIL });
    const [milestone] = (await readPage()).milestones;
    const done = await as('admin@ofa.example').json<RegisterMilestone>(
      'PATCH',
      `${REGISTER}/milestones/${milestone!.id}`,
      { state: 'done', doneOn: '2018-11-01' },
    );
    expect(done.status).toBe(200);

    const mails = (await listOutbox(registers.api.pool, { kind: JOINT_MAIL })).slice(before.length);
    const dmtfAdmins = await organizationAdminAddresses(registers.api.pool, ['dmtf']);
    expect(dmtfAdmins).toContain('admin@dmtf.example');
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([...dmtfAdmins].sort());
    const [mail] = mails;
    expect(mail!.subject).toContain('OFA');
    expect(mail!.text).toContain('admin@ofa.example');
    expect(mail!.text).toContain(`"${milestone!.deliverable}"`);
    expect(mail!.text).toContain('state: planned → done');
    expect(mail!.text).toContain('doneOn: – → 2018-11-01');
    expect(mail!.linkPath).toBe('/registers/ofa-dmtf#history');
  });

  it('mails nobody of the editing party, and the OFA admins when DMTF changes one', async () => {
    const before = await listOutbox(registers.api.pool, { kind: JOINT_MAIL });
    const added = await as('admin@dmtf.example').json<RegisterMilestone>(
      'POST',
      `${REGISTER}/milestones`,
      { deliverable: 'Joint interoperability plugfest', timeframe: 'Q2 2027' },
    );
    expect(added.status).toBe(201);
    const mails = (await listOutbox(registers.api.pool, { kind: JOINT_MAIL })).slice(before.length);
    expect(mails.map((mail) => mail.recipient).sort()).toEqual(
      (await organizationAdminAddresses(registers.api.pool, ['ofa'])).sort(),
    );
  });

  it('mails nobody when a party changes its own contact', async () => {
    const before = await listOutbox(registers.api.pool);
    const own = (await readPage()).contacts.find((c) => c.party === 'ofa')!;
    const changed = await as('admin@ofa.example').json('PATCH', `${REGISTER}/contacts/${own.id}`, {
      role: 'OFA Alliance liaison',
    });
    expect(changed.status).toBe(200);
    expect(await listOutbox(registers.api.pool)).toHaveLength(before.length);
  });
});

describe('the register history', () => {
  it('shows each change with who, when and before → after, newest first', async () => {
    const own = (await readPage()).contacts.find((c) => c.party === 'ofa')!;
    const started = Date.now();
    const changed = await as('admin@ofa.example').json('PATCH', `${REGISTER}/contacts/${own.id}`, {
      address: 'alliances@ofa.example',
      open: false,
    });
    expect(changed.status).toBe(200);
    const [latest] = await history();
    expect(latest).toMatchObject({
      actor: { email: 'admin@ofa.example' },
      onBehalfOf: 'ofa',
      action: 'register.contact.edit',
      itemKind: 'contact',
      itemId: own.id,
      before: { address: own.address, party: 'ofa' },
      after: { address: 'alliances@ofa.example', party: 'ofa' },
    });
    expect(latest!.actor.name).not.toBe('');
    expect(Date.parse(latest!.at)).toBeGreaterThanOrEqual(started - 60_000);
  });

  it('records additions and removals with the item before or after', async () => {
    const added = await as('admin@dmtf.example').json<RegisterContact>(
      'POST',
      `${REGISTER}/contacts`,
      { party: 'dmtf', role: 'DMTF VP of Alliances', address: 'vp@dmtf.example' },
    );
    await as('admin@dmtf.example').fetch(`${REGISTER}/contacts/${added.body.id}`, {
      method: 'DELETE',
    });
    const [removal, addition] = await history();
    expect(addition).toMatchObject({
      action: 'register.contact.add',
      onBehalfOf: 'dmtf',
      before: null,
      after: { address: 'vp@dmtf.example' },
    });
    expect(removal).toMatchObject({
      action: 'register.contact.remove',
      before: { address: 'vp@dmtf.example' },
      after: null,
    });
  });

  it('records approvals and the operator’s changes of the text sections', async () => {
    const approved = await as('admin@dmtf.example').json('PUT', `${REGISTER}/approvals/dmtf`, {
      body: 'DMTF Board of Directors',
      approvedOn: '2018-10-05',
    });
    expect(approved.status).toBe(200);
    expect((await history())[0]).toMatchObject({
      action: 'register.approval.record',
      itemKind: 'approval',
      itemId: 'dmtf',
      before: { state: 'pending' },
      after: { state: 'approved', approvedOn: '2018-10-05' },
    });

    const limitations = [{ party: null, text: 'No joint specifications are written.' }];
    const updated = await as(OPERATOR).json('PATCH', REGISTER, { limitations });
    expect(updated.status).toBe(200);
    expect((await history())[0]).toMatchObject({
      action: 'register.update',
      itemKind: 'register',
      onBehalfOf: null,
      actor: { email: OPERATOR },
      after: { limitations: [{ party: null, text: limitations[0]!.text, open: false }] },
    });
  });

  it.each(ACTORS)('read the history: %s', async (actor) => {
    const answer = await as(actor).json<RegisterHistory>('GET', `${REGISTER}/history`);
    const allowed = tableAllows(actor, 'read-history', 'ofa');
    expect(answer.status).toBe(actor === ANONYMOUS ? 401 : allowed ? 200 : 404);
    expect((await readPage(actor)).permissions.readHistory).toBe(allowed);
  });

  it('writes no history for a refused or bad edit', async () => {
    const [milestone] = (await readPage()).milestones;
    const refused = await expectUnchanged(registers.api.pool, () =>
      as('member@ofa.example').json('PATCH', `${REGISTER}/milestones/${milestone!.id}`, {
        state: 'dropped',
      }),
    );
    const bad = await expectUnchanged(registers.api.pool, () =>
      as('admin@ofa.example').json('PATCH', `${REGISTER}/milestones/${milestone!.id}`, {
        doneOn: '2018-10-01',
        state: 'planned',
      }),
    );
    expect([refused.status, bad.status]).toEqual([403, 422]);
  });
});

describe('an approval with its board resolution', () => {
  it('links the resolution document for those who may read it, and only them', async () => {
    const document = await as('editor@dmtf.example').json<{ id: string }>(
      'POST',
      '/api/v1/documents',
      {
        organization: 'dmtf',
        identifier: 'DMTF-BR-2018-10',
        title: 'Board resolution 2018-10: OFA alliance',
        status: 'informational',
        visibility: 'organization',
      },
    );
    expect(document.status).toBe(201);
    const recorded = await as('admin@dmtf.example').json<RegisterApproval>(
      'PUT',
      `${REGISTER}/approvals/dmtf`,
      {
        body: 'DMTF Board of Directors',
        resolution: 'BR-2018-10',
        approvedOn: '2018-10-05',
        resolutionDocument: { organization: 'dmtf', identifier: 'DMTF-BR-2018-10' },
      },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.resolutionLink).toEqual({
      documentId: document.body.id,
      title: 'Board resolution 2018-10: OFA alliance',
    });
    const forDmtf = (await readPage('member@dmtf.example')).approvals[1]!;
    expect(forDmtf.resolutionLink?.documentId).toBe(document.body.id);
    // The OFA and the public see the reference the approver gave, not the document.
    const forOfa = (await readPage('admin@ofa.example')).approvals[1]!;
    expect(forOfa).toMatchObject({
      resolutionDocument: { organization: 'dmtf', identifier: 'DMTF-BR-2018-10' },
      resolutionLink: null,
    });
    // Clearing the approval drops the resolution with it.
    await as('admin@dmtf.example').fetch(`${REGISTER}/approvals/dmtf`, { method: 'DELETE' });
    expect((await readPage('member@dmtf.example')).approvals[1]).toMatchObject({
      state: 'pending',
      resolutionDocument: null,
    });
  });
});

describe('the operator edits the text sections', () => {
  it('replaces a whole section, in order, and only the sections given', async () => {
    const before = await readPage();
    const benefits = [
      { party: 'ofa', text: 'Access to DMTF management standards.\nAnd their profiles.' },
      { party: null, text: 'One management model for fabrics.', open: false },
    ];
    const answer = await as(OPERATOR).json<RegisterPage>('PATCH', REGISTER, { benefits });
    expect(answer.status).toBe(200);
    expect(answer.body.benefits).toEqual(benefits.map((item) => ({ open: false, ...item })));
    expect(answer.body.activities).toEqual(before.activities);
    expect(answer.body.accessRules).toEqual(before.accessRules);

    // The same section again, its fields in another order: nothing changes, nothing is recorded.
    const again = await expectUnchanged(registers.api.pool, () =>
      as(OPERATOR).json('PATCH', REGISTER, {
        benefits: benefits.map(({ text, party }) => ({ text, party })),
      }),
    );
    expect(again.status).toBe(200);
  });

  it('refuses an item of a non-party and a party admin, changing nothing', async () => {
    const nonParty = await expectUnchanged(registers.api.pool, () =>
      as(OPERATOR).json<ErrorAnswer>('PATCH', REGISTER, {
        activities: [{ party: 'snia', text: 'Plugfests' }],
      }),
    );
    expect(nonParty.status).toBe(422);
    expect(nonParty.body.error.message).toContain('activities/0/party');
    const admin = await expectUnchanged(registers.api.pool, () =>
      as('admin@ofa.example').json('PATCH', REGISTER, {
        accessRules: [{ scope: 'general', party: null, text: 'Everything is public.' }],
      }),
    );
    expect(admin.status).toBe(403);
  });
});
