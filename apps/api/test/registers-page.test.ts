/**
 * The seeded OFA/DMTF register as data, read over HTTP. Expected values are written from the
 * register text (shared/seed/ofa-dmtf-work-register.txt), not from the seed code: every item, the
 * gaps it leaves ("?", "xx/xx/2018", "<resolution ID>, on <date>", "…?") as open items, and its
 * March 2020 review shown as overdue.
 */
import type { RegisterPage } from '@liaison/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, ANONYMOUS, OPERATOR, useRegistersApi } from './registers-state.js';

const { as } = useRegistersApi();
let page: RegisterPage;

beforeAll(async () => {
  const answer = await as(ANONYMOUS).json<RegisterPage>('GET', '/api/v1/registers/ofa-dmtf');
  expect(answer.status).toBe(200);
  page = answer.body;
});

describe('the seeded OFA/DMTF register', () => {
  it('has its heading, parties and their descriptions', () => {
    expect(page).toMatchObject({
      title: 'OFA/DMTF Work Register',
      version: '1.0b',
      initiatedOn: '2018-09-13',
      state: 'approved',
      summary: expect.stringMatching(/^The DMTF Work Register is created between the DMTF/),
    });
    expect(page.parties.map((party) => party.organization)).toEqual(['ofa', 'dmtf']);
    expect(page.parties[0]!.description).toMatch(
      /^The Open Fabrics Alliance \(OFA\) is an open source-based/,
    );
    expect(page.parties[1]!.description).toMatch(
      /^The Distributed Management Task Force is an industry standards organization/,
    );
  });

  it('has the benefits per party and joint, the activities and the limitation', () => {
    expect(page.benefits).toEqual([
      {
        party: 'ofa',
        text: 'Access to Redfish expertise within the DMTF and its membership',
        open: false,
      },
      { party: 'dmtf', text: 'Access to fabric management expertise', open: false },
      {
        party: null,
        text: 'Cross-promote DMTF and OFA work products and events to their member companies.',
        open: false,
      },
      {
        party: null,
        text: "Activities to coordinate and align DMTF Redfish and OFA's work products.",
        open: false,
      },
    ]);
    expect(page.activities).toEqual([
      { party: 'ofa', text: 'Provides expertise on fabrics and their manageability', open: false },
      { party: 'dmtf', text: 'Provides expertise on Redfish', open: false },
    ]);
    expect(page.limitations).toEqual([
      {
        party: 'ofa',
        text: 'OFA will not produce delegated standards that conflict or diverge from existing or proposed DMTF standards where possible.',
        open: false,
      },
    ]);
  });

  it('has the milestones as the register writes them, the third one open', () => {
    expect(page.milestones.map(({ id: _id, ...milestone }) => milestone)).toEqual([
      {
        deliverable: 'DMTF and OFA approves of Work Register',
        timeframe: 'Oct 2018',
        state: 'planned',
        doneOn: null,
        open: false,
      },
      {
        deliverable: 'DMTF announces OFA as a new alliance partner and publish work register',
        timeframe: 'Oct 2018',
        state: 'planned',
        doneOn: null,
        open: false,
      },
      { deliverable: '', timeframe: '?', state: 'planned', doneOn: null, open: true },
    ]);
  });

  it('has the access rules, with the non-public one left open', () => {
    expect(page.accessRules.map((rule) => [rule.scope, rule.party, rule.open])).toEqual([
      ['general', null, false],
      ['public', 'dmtf', false],
      ['public', 'ofa', false],
      ['non-public', 'ofa', true],
      ['intellectual-property', 'ofa', false],
      ['intellectual-property', null, false],
    ]);
    expect(page.accessRules[0]!.text).toContain(
      'This information can be exchanged publicly, or not.',
    );
    expect(page.accessRules[1]!.text).toContain('“Work-in-Progress”');
    expect(page.accessRules[1]!.text).toContain('(dmtf.org/redfish)');
    expect(page.accessRules[2]!.text).toBe(
      'OFA will make the information available by posting to the OFA web site.',
    );
    expect(page.accessRules[3]!.text).toBe('For non-public work in progress, …?');
    expect(page.accessRules[4]!.text).toContain(
      'DMTF Technology Submission Portal (dmtf.org/standards/feedback)',
    );
    expect(page.accessRules[5]!.text).toBe(
      'OFA and DMTF can host a meeting to exchange the information',
    );
  });

  it('has the DMTF commitment naming the seeded document, its delivery hidden from the anonymous reader, and the OFA one open', () => {
    const [dmtf, ofa] = page.commitments;
    expect(dmtf).toMatchObject({
      from: 'dmtf',
      to: 'ofa',
      title: 'Redfish Fabric Extensions (work-in-progress)',
      note: 'These will generally be available on the public DMTF Redfish site.',
      document: { organization: 'dmtf', identifier: 'DSP-WIP-FABRIC' },
      delivery: null,
      link: null,
      open: false,
    });
    expect(ofa).toMatchObject({
      from: 'ofa',
      to: 'dmtf',
      title: '',
      document: null,
      delivery: 'outstanding',
      link: null,
      open: true,
    });
    expect(page.commitments).toHaveLength(2);
  });

  it('has the review date as written, the date it stands for, overdue, and DSP4003', () => {
    expect(page).toMatchObject({
      reviewDue: '2020-03-01',
      reviewDueAsWritten: 'March 2020',
      reviewOverdue: true,
      reviewProcess: 'DSP4003',
      reviewProcessUrl:
        'https://www.dmtf.org/sites/default/files/standards/documents/DSP4003_1.6.0.pdf',
    });
  });

  it('has the DMTF points of contact, and the OFA one open', () => {
    expect(page.contacts.map(({ id: _id, ...contact }) => contact)).toEqual([
      { party: 'ofa', role: '', address: null, open: true },
      { party: 'dmtf', role: 'DMTF VP of Alliances', address: 'vpalliances@dmtf.org', open: false },
      {
        party: 'dmtf',
        role: "DMTF's OFA Alliance Contacts mail-list",
        address: 'OFA-alliance@dmtf.org',
        open: false,
      },
    ]);
  });

  it('has the OFA Board approval without a date, and the DMTF Board resolution pending', () => {
    expect(page.approvals).toEqual([
      {
        party: 'ofa',
        body: 'OFA Board',
        state: 'approved',
        resolution: null,
        approvedOn: null,
        asWritten: 'This document was approved by the OFA Board on xx/xx/2018.',
        note: expect.stringContaining('There are no corresponding documents created by OFA'),
        resolutionDocument: null,
        resolutionLink: null,
      },
      {
        party: 'dmtf',
        body: 'DMTF Board of Directors',
        state: 'pending',
        resolution: null,
        approvedOn: null,
        asWritten: 'Board Resolution <resolution ID>, on <date>.',
        note: '',
        resolutionDocument: null,
        resolutionLink: null,
      },
    ]);
  });

  it('lists every gap the register leaves as an open item, in the register’s order', () => {
    expect(page.openItems.map((item) => [item.section, item.party])).toEqual([
      ['milestones', null],
      ['access', 'ofa'],
      ['commitments', 'ofa'],
      ['contacts', 'ofa'],
      ['approvals', 'ofa'],
      ['approvals', 'dmtf'],
    ]);
    expect(page.openItems[0]!.itemId).toBe(page.milestones[2]!.id);
    expect(page.openItems[2]!.itemId).toBe(page.commitments[1]!.id);
    expect(page.openItems[3]!.itemId).toBe(page.contacts[0]!.id);
    expect(page.openItems[4]!.description).toContain('xx/xx/2018');
    expect(page.openItems[5]!.description).toContain('<resolution ID>');
  });

  it('keeps the fields the register page had before', () => {
    expect(Object.keys(page)).toEqual(
      expect.arrayContaining(['slug', 'createdAt', 'updatedAt', 'documents', 'permissions']),
    );
    expect(page.documents.items.map((document) => document.identifier)).toEqual([]);
  });
});

describe('who sees what', () => {
  it.each(ACTORS)('gives %s the actions the policy allows', async (actor) => {
    const { status, body } = await as(actor).json<RegisterPage>(
      'GET',
      '/api/v1/registers/ofa-dmtf',
    );
    expect(status).toBe(200);
    const admin = /^admin@(ofa|dmtf)\.example$/.exec(actor)?.[1];
    expect(body.permissions).toEqual({
      manage: actor === OPERATOR,
      editDetails: admin !== undefined,
      editAs: admin ? [admin] : [],
      approveAs: admin ? [admin] : [],
      readHistory: actor === OPERATOR || /@(ofa|dmtf)\.example$/.test(actor),
    });
  });

  it.each(ACTORS)(
    'links the committed document and shows its delivery to %s only if they may read it',
    async (actor) => {
      const { body } = await as(actor).json<RegisterPage>('GET', '/api/v1/registers/ofa-dmtf');
      const party = /@(ofa|dmtf)\.example$/.test(actor);
      const [commitment] = body.commitments;
      // Partners visibility: members of the owner and of co-parties of the register read it.
      // Anyone else (anonymous, a member of a third organization) learns nothing about the document.
      expect(commitment!.delivery).toBe(party ? 'delivered' : null);
      expect(commitment!.document).toEqual({ organization: 'dmtf', identifier: 'DSP-WIP-FABRIC' });
      if (party) {
        expect(commitment!.link).toEqual({
          documentId: expect.any(String),
          title: 'Redfish Fabric Extensions (work-in-progress)',
          latestVersion: '0.9a',
        });
        const document = await as(actor).json(
          'GET',
          `/api/v1/documents/${commitment!.link!.documentId}`,
        );
        expect(document.status).toBe(200);
      } else {
        expect(commitment!.link).toBeNull();
      }
    },
  );

  it.each(ACTORS)(
    'shows the draft SNIA/DMTF register and its export to %s only as a party or operator',
    async (actor) => {
      const allowed = /@(snia|dmtf)\.example$/.test(actor) || actor === OPERATOR;
      const pageAnswer = await as(actor).json<RegisterPage>('GET', '/api/v1/registers/snia-dmtf');
      const exportAnswer = await as(actor).fetch('/api/v1/registers/snia-dmtf/export');
      expect([pageAnswer.status, exportAnswer.status]).toEqual(allowed ? [200, 200] : [404, 404]);
      if (allowed) expect(pageAnswer.body.milestones).toHaveLength(1);
    },
  );
});
