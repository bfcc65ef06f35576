/**
 * Who edits a register's milestones, commitments, contacts and approvals over HTTP, every demo
 * actor against the permission table (packages/core/test/fixtures/permission-table.ts, "Work
 * registers"): milestones, admins of any party; a party's contacts, commitments and approval, that
 * party's admins only.
 * Everyone else is refused: anonymous 401, a reader of the register 403, a draft they may not see
 * 404. Every edit is audited for the editing party; every refused or bad request changes nothing.
 */
import type {
  RegisterApproval,
  RegisterCommitment,
  RegisterContact,
  RegisterMilestone,
  RegisterPage,
} from '@liaison/core';
import { describe, expect, it } from 'vitest';
import type { ErrorAnswer } from './client.js';
import {
  ACTORS,
  ANONYMOUS,
  expectUnchanged,
  tableAllows,
  useRegistersApi,
} from './registers-state.js';

const registers = useRegistersApi();
const { as } = registers;

const REGISTER = '/api/v1/registers/ofa-dmtf';

interface AuditList {
  items: {
    action: string;
    actor: string;
    organization: string | null;
    objectId: string;
    details: Record<string, unknown>;
  }[];
}

const readPage = async (actor = 'member@ofa.example') =>
  (await as(actor).json<RegisterPage>('GET', REGISTER)).body;

const expectedStatus = (actor: string, allowed: boolean, success: number) =>
  actor === ANONYMOUS ? 401 : allowed ? success : 403;

const tag = (actor: string) => actor.replace(/[^a-z0-9]/g, '-');

describe('who may edit the register’s details', () => {
  it.each(ACTORS)('add a milestone: %s', async (actor) => {
    const expected = expectedStatus(actor, tableAllows(actor, 'edit-milestones', 'ofa'), 201);
    const send = () =>
      as(actor).json<RegisterMilestone>('POST', `${REGISTER}/milestones`, {
        deliverable: `Joint fabric profile (${tag(actor)})`,
        timeframe: 'Q3 2027',
      });
    const answer =
      expected === 201 ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
    const listed = (await readPage()).milestones.map((milestone) => milestone.deliverable);
    expect(listed.includes(`Joint fabric profile (${tag(actor)})`)).toBe(expected === 201);
  });

  it.each(ACTORS)('change, then remove, a milestone: %s', async (actor) => {
    const [first] = (await readPage()).milestones;
    const expected = expectedStatus(actor, tableAllows(actor, 'edit-milestones', 'ofa'), 200);
    if (expected !== 200) {
      const change = await expectUnchanged(registers.api.pool, () =>
        as(actor).json('PATCH', `${REGISTER}/milestones/${first!.id}`, { state: 'dropped' }),
      );
      const removal = await expectUnchanged(registers.api.pool, () =>
        as(actor).fetch(`${REGISTER}/milestones/${first!.id}`, { method: 'DELETE' }),
      );
      expect([change.status, removal.status]).toEqual([expected, expected]);
      return;
    }
    const added = await as(actor).json<RegisterMilestone>('POST', `${REGISTER}/milestones`, {
      deliverable: 'To be done',
      timeframe: 'Dec 2026',
    });
    const done = await as(actor).json<RegisterMilestone>(
      'PATCH',
      `${REGISTER}/milestones/${added.body.id}`,
      { state: 'done', doneOn: '2026-11-20' },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'done',
      doneOn: '2026-11-20',
      deliverable: 'To be done',
    });
    const removed = await as(actor).fetch(`${REGISTER}/milestones/${added.body.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await readPage()).milestones.some((milestone) => milestone.id === added.body.id)).toBe(
      false,
    );
  });

  it.each(ACTORS)('add a contact: %s', async (actor) => {
    const expected = expectedStatus(actor, tableAllows(actor, 'edit-party-items', 'ofa'), 201);
    const address = `${tag(actor)}@contacts.example`;
    const send = () =>
      as(actor).json<RegisterContact>('POST', `${REGISTER}/contacts`, {
        party: 'ofa',
        role: 'OFA liaison',
        address,
      });
    const answer =
      expected === 201 ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
    expect((await readPage()).contacts.some((contact) => contact.address === address)).toBe(
      expected === 201,
    );
  });

  it.each(ACTORS)('add a commitment: %s', async (actor) => {
    const expected = expectedStatus(actor, tableAllows(actor, 'edit-party-items', 'ofa'), 201);
    const title = `Fabric white paper (${tag(actor)})`;
    const send = () =>
      as(actor).json<RegisterCommitment>('POST', `${REGISTER}/commitments`, {
        from: 'ofa',
        to: 'dmtf',
        title,
      });
    const answer =
      expected === 201 ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
    expect((await readPage()).commitments.some((commitment) => commitment.title === title)).toBe(
      expected === 201,
    );
  });

  it.each(ACTORS)('edit a draft register they may not see: %s', async (actor) => {
    // SNIA/DMTF is a draft: outside its parties (and the operator) it does not exist.
    const reader = /@(snia|dmtf)\.example$/.test(actor) || actor === 'operator@liaison.example';
    // A SNIA contact: SNIA's admins only (DMTF's admin is an admin of the other party).
    const allowed = ['admin@snia.example'];
    const expected = actor === ANONYMOUS ? 401 : allowed.includes(actor) ? 201 : reader ? 403 : 404;
    const send = () =>
      as(actor).json('POST', '/api/v1/registers/snia-dmtf/contacts', {
        party: 'snia',
        role: 'SNIA Technical Council',
        address: `${tag(actor)}@snia-contacts.example`,
      });
    const answer =
      expected === 201 ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
  });
});

describe('approvals', () => {
  it.each(ACTORS)('record the OFA approval: %s', async (actor) => {
    const expected = expectedStatus(actor, tableAllows(actor, 'approve', 'ofa'), 200);
    const send = () =>
      as(actor).json<RegisterApproval>('PUT', `${REGISTER}/approvals/ofa`, {
        body: 'OFA Board',
        approvedOn: '2018-10-02',
      });
    const answer =
      expected === 200 ? await send() : await expectUnchanged(registers.api.pool, send);
    expect(answer.status).toBe(expected);
  });

  it('lets each party admin record and clear their own organization’s approval only', async () => {
    const forOther = await expectUnchanged(registers.api.pool, () =>
      as('admin@ofa.example').json<ErrorAnswer>('PUT', `${REGISTER}/approvals/dmtf`, {
        body: 'DMTF Board of Directors',
        resolution: '2018-10-05',
        approvedOn: '2018-10-05',
      }),
    );
    expect(forOther.status).toBe(403);
    const notAParty = await expectUnchanged(registers.api.pool, () =>
      as('admin@snia.example').json<ErrorAnswer>('PUT', `${REGISTER}/approvals/snia`, {
        body: 'SNIA Board',
        approvedOn: '2018-10-05',
      }),
    );
    expect(notAParty.status).toBe(404);

    const recorded = await as('admin@dmtf.example').json<RegisterApproval>(
      'PUT',
      `${REGISTER}/approvals/dmtf`,
      { body: 'DMTF Board of Directors', resolution: 'BR-2018-10', approvedOn: '2018-10-05' },
    );
    expect(recorded.status).toBe(200);
    let page = await readPage('anonymous');
    expect(page.approvals[1]).toEqual({
      party: 'dmtf',
      body: 'DMTF Board of Directors',
      state: 'approved',
      resolution: 'BR-2018-10',
      approvedOn: '2018-10-05',
      asWritten: '',
      note: '',
      resolutionDocument: null,
      resolutionLink: null,
    });
    // The DMTF gap ("<resolution ID>, on <date>") is closed; the OFA one was closed above.
    expect(page.openItems.filter((item) => item.section === 'approvals')).toEqual([]);

    const cleared = await as('admin@dmtf.example').fetch(`${REGISTER}/approvals/dmtf`, {
      method: 'DELETE',
    });
    expect(cleared.status).toBe(200);
    page = await readPage('anonymous');
    expect(page.approvals[1]).toMatchObject({
      state: 'pending',
      resolution: null,
      approvedOn: null,
    });
    expect(page.openItems.filter((item) => item.section === 'approvals')).toHaveLength(1);

    const otherClears = await expectUnchanged(registers.api.pool, () =>
      as('admin@dmtf.example').fetch(`${REGISTER}/approvals/ofa`, { method: 'DELETE' }),
    );
    expect(otherClears.status).toBe(403);
  });
});

describe('the audit trail', () => {
  it('records each edit for the editing party, readable by its admins', async () => {
    const contact = await as('admin@ofa.example').json<RegisterContact>(
      'POST',
      `${REGISTER}/contacts`,
      { party: 'ofa', role: 'OFA Executive Director', address: 'ed@ofa.example' },
    );
    await as('admin@ofa.example').json('PATCH', `${REGISTER}/contacts/${contact.body.id}`, {
      address: 'director@ofa.example',
    });
    await as('admin@ofa.example').fetch(`${REGISTER}/contacts/${contact.body.id}`, {
      method: 'DELETE',
    });
    const audit = await as('admin@ofa.example').json<AuditList>(
      'GET',
      '/api/v1/audit?objectId=ofa-dmtf&organization=ofa&limit=3',
    );
    expect(
      audit.body.items.map((event) => [event.action, event.actor, event.organization]),
    ).toEqual([
      ['register.contact.remove', 'admin@ofa.example', 'ofa'],
      ['register.contact.edit', 'admin@ofa.example', 'ofa'],
      ['register.contact.add', 'admin@ofa.example', 'ofa'],
    ]);
    expect(audit.body.items[1]!.details).toMatchObject({
      from: { address: 'ed@ofa.example' },
      to: { address: 'director@ofa.example' },
    });
    expect(audit.body.items[0]!.details).toMatchObject({
      contact: { role: 'OFA Executive Director' },
    });
  });
});

describe('linking a commitment to its document', () => {
  it('shows it outstanding until the document has a version, then delivered', async () => {
    const document = await as('editor@ofa.example').json<{ id: string }>(
      'POST',
      '/api/v1/documents',
      {
        organization: 'ofa',
        identifier: 'OFA-FABRIC-MGMT',
        title: 'OFA fabric management requirements',
        status: 'work-in-progress',
        visibility: 'partners',
        // Its stand-in PDF could not be stamped.
        watermark: false,
        registers: ['ofa-dmtf'],
      },
    );
    expect(document.status).toBe(201);
    const open = (await readPage()).commitments.find((commitment) => commitment.open)!;
    const linked = await as('admin@ofa.example').json<RegisterCommitment>(
      'PATCH',
      `${REGISTER}/commitments/${open.id}`,
      {
        title: 'OFA fabric management requirements',
        open: false,
        document: { organization: 'ofa', identifier: 'OFA-FABRIC-MGMT' },
      },
    );
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ delivery: 'outstanding', open: false });
    expect(linked.body.link).toMatchObject({ documentId: document.body.id, latestVersion: null });

    const upload = await as('editor@ofa.example').upload(
      document.body.id,
      '0.1',
      '%PDF-1.4 requirements',
    );
    expect(upload.status).toBe(201);
    const page = await readPage('member@dmtf.example');
    const delivered = page.commitments.find((commitment) => commitment.id === open.id)!;
    expect(delivered).toMatchObject({ delivery: 'delivered', link: { latestVersion: '0.1' } });
    expect(page.openItems.some((item) => item.section === 'commitments')).toBe(false);
    // Whoever may not read the document learns neither its delivery nor its link.
    const anonymous = (await readPage('anonymous')).commitments.find((c) => c.id === open.id)!;
    expect(anonymous).toMatchObject({ delivery: null, link: null });
  });

  it('refuses a resolution document the approver cannot read exactly like a missing one', async () => {
    // OFA-FMM is the OFA's internal draft (organization visibility): the DMTF admin cannot read it.
    const approve = (identifier: string) =>
      expectUnchanged(registers.api.pool, () =>
        as('admin@dmtf.example').json<ErrorAnswer>('PUT', `${REGISTER}/approvals/dmtf`, {
          body: 'DMTF Board of Directors',
          approvedOn: '2018-10-05',
          resolutionDocument: { organization: 'ofa', identifier },
        }),
      );
    const hidden = await approve('OFA-FMM');
    const missing = await approve('OFA-NO-SUCH');
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.code).toBe(missing.body.error.code);
    expect(hidden.body.error.message.replace('OFA-FMM', 'X')).toBe(
      missing.body.error.message.replace('OFA-NO-SUCH', 'X'),
    );
  });
});

describe('bad input changes nothing', () => {
  // Each of these, if it were applied, would lose or corrupt part of the register: a date done on
  // a milestone that is not done, a contact nobody can be reached at, a commitment of a party to
  // itself or to a non-party, a document of another organization standing for a commitment.
  const milestoneId = async () => (await readPage()).milestones[0]!.id;
  // The OFA's own commitment: the OFA admin may edit it, so only the rules can refuse.
  const commitmentId = async () => (await readPage()).commitments.find((c) => c.from === 'ofa')!.id;
  const cases: [string, () => Promise<[string, string, unknown]>, number][] = [
    [
      'an unknown field',
      async () => [
        'POST',
        `${REGISTER}/milestones`,
        { deliverable: 'X', timeframe: '2027', owner: 'ofa' },
      ],
      400,
    ],
    [
      'a wrong type',
      async () => ['POST', `${REGISTER}/milestones`, { deliverable: 42, timeframe: '2027' }],
      400,
    ],
    [
      'an unknown state',
      async () => ['PATCH', `${REGISTER}/milestones/${await milestoneId()}`, { state: 'finished' }],
      400,
    ],
    [
      'a date done on a planned milestone',
      async () => [
        'PATCH',
        `${REGISTER}/milestones/${await milestoneId()}`,
        { doneOn: '2018-10-01' },
      ],
      422,
    ],
    [
      'an empty deliverable that is not open',
      async () => ['POST', `${REGISTER}/milestones`, { deliverable: ' ', timeframe: '2027' }],
      422,
    ],
    [
      'an empty change',
      async () => ['PATCH', `${REGISTER}/milestones/${await milestoneId()}`, {}],
      400,
    ],
    [
      'a milestone that does not exist',
      async () => [
        'PATCH',
        `${REGISTER}/milestones/00000000-0000-4000-8000-000000000000`,
        { state: 'done' },
      ],
      404,
    ],
    [
      'a contact of a non-party',
      async () => [
        'POST',
        `${REGISTER}/contacts`,
        { party: 'snia', role: 'SNIA', address: 'x@snia.example' },
      ],
      422,
    ],
    [
      'a contact without an address that is not open',
      async () => ['POST', `${REGISTER}/contacts`, { party: 'ofa', role: 'OFA', address: null }],
      422,
    ],
    [
      'a bad address',
      async () => [
        'POST',
        `${REGISTER}/contacts`,
        { party: 'ofa', role: 'OFA', address: 'not an address' },
      ],
      400,
    ],
    [
      'a commitment of a party to itself',
      async () => ['POST', `${REGISTER}/commitments`, { from: 'ofa', to: 'ofa', title: 'X' }],
      422,
    ],
    [
      'a commitment to a non-party',
      async () => ['POST', `${REGISTER}/commitments`, { from: 'ofa', to: 'snia', title: 'X' }],
      422,
    ],
    [
      'another organization’s document',
      async () => [
        'PATCH',
        `${REGISTER}/commitments/${await commitmentId()}`,
        { document: { organization: 'dmtf', identifier: 'DSP0266' } },
      ],
      422,
    ],
    [
      'a bad approval date',
      async () => [
        'PUT',
        `${REGISTER}/approvals/ofa`,
        { body: 'OFA Board', approvedOn: '2018-13-45' },
      ],
      400,
    ],
    [
      'an approval without a date',
      async () => ['PUT', `${REGISTER}/approvals/ofa`, { body: 'OFA Board' }],
      400,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, request, status) => {
    const [method, path, body] = await request();
    const answer = await expectUnchanged(registers.api.pool, () =>
      as('admin@ofa.example').json<ErrorAnswer>(method, path, body),
    );
    expect(answer.status).toBe(status);
    expect(answer.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  });
});
