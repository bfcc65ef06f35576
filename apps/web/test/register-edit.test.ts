import { describe, expect, it } from 'vitest';
import {
  parseDocumentRef,
  readApprovalForm,
  readCommitmentForm,
  readContactForm,
  readMilestoneForm,
} from '../lib/register-edit';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const PARTIES = ['ofa', 'dmtf'];

describe('readMilestoneForm', () => {
  it('reads a milestone that is done', () => {
    expect(
      readMilestoneForm(
        form({
          deliverable: ' DMTF announces OFA as a new alliance partner ',
          timeframe: 'Oct 2018',
          state: 'done',
          doneOn: '2018-10-30',
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        deliverable: 'DMTF announces OFA as a new alliance partner',
        timeframe: 'Oct 2018',
        state: 'done',
        doneOn: '2018-10-30',
        open: false,
      },
    });
  });

  it('keeps "?" as an open item instead of inventing a deliverable or timeframe', () => {
    expect(readMilestoneForm(form({ deliverable: '?', timeframe: '', state: 'planned' }))).toEqual({
      ok: true,
      body: { deliverable: '', timeframe: '?', state: 'planned', doneOn: null, open: true },
    });
    expect(
      readMilestoneForm(form({ deliverable: 'Joint plugfest', timeframe: '?', state: 'planned' })),
    ).toMatchObject({ ok: true, body: { deliverable: 'Joint plugfest', open: true } });
  });

  it('names every problem by field', () => {
    expect(
      readMilestoneForm(
        form({ deliverable: 'x'.repeat(501), timeframe: 'y'.repeat(101), state: 'finished' }),
      ),
    ).toEqual({
      ok: false,
      problems: {
        deliverable: 'At most 500 characters.',
        timeframe: 'At most 100 characters.',
        state: 'Choose planned, done or dropped.',
      },
    });
    expect(
      readMilestoneForm(
        form({ deliverable: 'x', timeframe: 'Oct 2018', state: 'done', doneOn: '2018-02-30' }),
      ),
    ).toEqual({ ok: false, problems: { doneOn: 'Enter a date as YYYY-MM-DD.' } });
    const planned = readMilestoneForm(
      form({ deliverable: 'x', timeframe: 'Oct 2018', state: 'planned', doneOn: '2018-10-01' }),
    );
    expect(planned.ok).toBe(false);
    expect(!planned.ok && planned.problems.doneOn).toMatch(/Only a milestone that is done/);
  });
});

describe('parseDocumentRef', () => {
  it('reads organization/identifier, or an identifier of the committing party', () => {
    expect(parseDocumentRef('dmtf/DSP-WIP-FABRIC', 'dmtf')).toEqual({
      organization: 'dmtf',
      identifier: 'DSP-WIP-FABRIC',
    });
    expect(parseDocumentRef(' DMTF / DSP0266 ', 'ofa')).toEqual({
      organization: 'dmtf',
      identifier: 'DSP0266',
    });
    expect(parseDocumentRef('DSP0266', 'dmtf')).toEqual({
      organization: 'dmtf',
      identifier: 'DSP0266',
    });
    expect(parseDocumentRef('', 'dmtf')).toBeNull();
    for (const bad of ['dmtf/', '/DSP0266', 'dmtf/../x', 'dm tf/DSP', 'dmtf/DSP 0266']) {
      expect(parseDocumentRef(bad, 'dmtf'), bad).toBe('invalid');
    }
  });
});

describe('readCommitmentForm', () => {
  it('reads a commitment linked to a document of the party that makes it available', () => {
    expect(
      readCommitmentForm(
        form({
          from: 'dmtf',
          to: 'ofa',
          title: 'Redfish Fabric Extensions (work-in-progress)',
          note: '',
          document: 'dmtf/DSP-WIP-FABRIC',
        }),
        PARTIES,
      ),
    ).toEqual({
      ok: true,
      body: {
        from: 'dmtf',
        to: 'ofa',
        title: 'Redfish Fabric Extensions (work-in-progress)',
        note: '',
        document: { organization: 'dmtf', identifier: 'DSP-WIP-FABRIC' },
        open: false,
      },
    });
  });

  it('keeps a "?" title open and an empty document unlinked', () => {
    expect(
      readCommitmentForm(form({ from: 'ofa', to: 'dmtf', title: '?', document: '' }), PARTIES),
    ).toEqual({
      ok: true,
      body: { from: 'ofa', to: 'dmtf', title: '', note: '', document: null, open: true },
    });
  });

  it('refuses parties outside the register, a party committing to itself, others’ documents', () => {
    expect(
      readCommitmentForm(form({ from: 'snia', to: 'dmtf', title: 'x' }), PARTIES),
    ).toMatchObject({ ok: false, problems: { from: 'Choose a party of the register.' } });
    expect(readCommitmentForm(form({ from: 'ofa', to: 'ofa', title: 'x' }), PARTIES)).toEqual({
      ok: false,
      problems: { to: 'Choose the other party: a party commits to another.' },
    });
    const foreign = readCommitmentForm(
      form({ from: 'ofa', to: 'dmtf', title: 'x', document: 'dmtf/DSP0266' }),
      PARTIES,
    );
    expect(!foreign.ok && foreign.problems.document).toMatch(/must be one of ofa’s/);
    const bad = readCommitmentForm(
      form({ from: 'ofa', to: 'dmtf', title: 'x', document: 'not a ref/' }),
      PARTIES,
    );
    expect(!bad.ok && bad.problems.document).toMatch(/organization\/identifier/);
  });
});

describe('readContactForm', () => {
  it('reads a contact; one without an address stays open', () => {
    expect(
      readContactForm(
        form({ party: 'dmtf', role: 'DMTF VP of Alliances', address: 'vpalliances@dmtf.org' }),
        PARTIES,
      ),
    ).toEqual({
      ok: true,
      body: {
        party: 'dmtf',
        role: 'DMTF VP of Alliances',
        address: 'vpalliances@dmtf.org',
        open: false,
      },
    });
    expect(
      readContactForm(form({ party: 'ofa', role: 'OFA liaison', address: '' }), PARTIES),
    ).toEqual({ ok: true, body: { party: 'ofa', role: 'OFA liaison', address: null, open: true } });
  });

  it('refuses a bad address, an unknown party and an empty contact', () => {
    expect(
      readContactForm(form({ party: 'snia', role: '', address: 'not an address' }), PARTIES),
    ).toEqual({
      ok: false,
      problems: {
        party: 'Choose a party of the register.',
        address: 'Enter an e-mail address, e.g. alliances@example.org.',
      },
    });
    expect(readContactForm(form({ party: 'ofa', role: '', address: '' }), PARTIES)).toEqual({
      ok: false,
      problems: { role: 'Enter a role or an address.' },
    });
  });
});

describe('readApprovalForm', () => {
  it('reads an approval; the resolution and its document are optional', () => {
    expect(
      readApprovalForm(
        form({ body: 'DMTF Board of Directors', resolution: '2018-07', approvedOn: '2018-10-16' }),
        'dmtf',
      ),
    ).toEqual({
      ok: true,
      body: {
        body: 'DMTF Board of Directors',
        resolution: '2018-07',
        approvedOn: '2018-10-16',
        resolutionDocument: null,
      },
    });
    expect(readApprovalForm(form({ body: 'OFA Board', approvedOn: '2018-10-02' }), 'ofa')).toEqual({
      ok: true,
      body: {
        body: 'OFA Board',
        resolution: null,
        approvedOn: '2018-10-02',
        resolutionDocument: null,
      },
    });
  });

  it('reads the resolution document; a bare identifier is one of the approver’s', () => {
    const read = (resolutionDocument: string) =>
      readApprovalForm(
        form({ body: 'DMTF Board', approvedOn: '2018-10-16', resolutionDocument }),
        'dmtf',
      );
    expect(read('DMTF-BR-2018-10')).toMatchObject({
      ok: true,
      body: { resolutionDocument: { organization: 'dmtf', identifier: 'DMTF-BR-2018-10' } },
    });
    expect(read('ofa/OFA-BR-7')).toMatchObject({
      body: { resolutionDocument: { organization: 'ofa', identifier: 'OFA-BR-7' } },
    });
    expect(read('not a document')).toEqual({
      ok: false,
      problems: {
        resolutionDocument:
          'Enter the document as organization/identifier, e.g. dmtf/DMTF-BR-2018-10.',
      },
    });
  });

  it('needs a body and a real date', () => {
    expect(readApprovalForm(form({ body: ' ', approvedOn: 'xx/xx/2018' }), 'ofa')).toEqual({
      ok: false,
      problems: {
        body: 'Enter the body that approved it, e.g. “DMTF Board of Directors”.',
        approvedOn: 'Enter a date as YYYY-MM-DD.',
      },
    });
    expect(readApprovalForm(form({ body: 'OFA Board' }), 'ofa')).toEqual({
      ok: false,
      problems: { approvedOn: 'Enter the date of the approval.' },
    });
  });
});
