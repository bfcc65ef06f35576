import { STATEMENT_MAX_CONTACTS, type Statement } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import {
  bySoonestDeadline,
  deadlineNote,
  describeStatementError,
  EMPTY_STATEMENT_FORM,
  formatContacts,
  formValuesOf,
  parseContacts,
  readStatementForm,
  replyValues,
  type StatementFormValues,
  safeLinkHref,
  standingOf,
} from '../lib/statement-rules';

const TODAY = '2026-03-10';
const ID = '3f0c7a4e-8d5b-4c1e-9a2f-0b1c2d3e4f50';

const ORIGINAL: Statement = {
  id: ID,
  register: { slug: 'ofa-dmtf', title: 'OFA/DMTF Work Register' },
  from: { slug: 'dmtf', name: 'Distributed Management Task Force' },
  to: [
    { slug: 'ofa', name: 'OpenFabrics Alliance' },
    { slug: 'snia', name: 'SNIA' },
  ],
  title: 'Redfish Fabric Extensions available for comment',
  purpose: 'comment',
  deadline: '2026-04-01',
  visibility: 'parties',
  state: 'sent',
  senderReference: 'DMTF-LS-2026-01',
  receiverReference: null,
  owed: true,
  answer: null,
  sentAt: '2026-03-01T10:00:00.000Z',
  sentBy: 'admin@dmtf.example',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'editor@dmtf.example',
  updatedAt: '2026-03-01T10:00:00.000Z',
  attachmentCount: 0,
  permissions: { edit: false, send: false, withdraw: false, markAnswered: true, reply: true },
  body: 'Please comment.',
  responseContacts: [
    { name: 'DMTF VP of Alliances', email: 'vpalliances@dmtf.org' },
    { name: 'ops@dmtf.org', email: 'ops@dmtf.org' },
  ],
  technicalContacts: [],
  refersTo: [],
  referredBy: [],
  attachments: [],
  withdrawal: null,
  history: [],
};

const form = (values: Partial<StatementFormValues>): StatementFormValues => ({
  ...EMPTY_STATEMENT_FORM,
  from: 'ofa',
  to: ['dmtf'],
  title: 'A statement',
  ...values,
});

describe('deadlines in days', () => {
  it('counts days left, due today and days overdue in UTC days', () => {
    expect(deadlineNote(null, TODAY)).toBeNull();
    expect(deadlineNote('2026-03-13', TODAY)).toEqual({ text: '3 days left', overdue: false });
    expect(deadlineNote('2026-03-11', TODAY)).toEqual({ text: '1 day left', overdue: false });
    expect(deadlineNote(TODAY, TODAY)).toEqual({ text: 'due today', overdue: false });
    expect(deadlineNote('2026-03-05', TODAY)).toEqual({ text: '5 days overdue', overdue: true });
  });

  it('says where a statement stands: owed, overdue, answered, withdrawn, draft', () => {
    const sent = { state: 'sent', purpose: 'comment', owed: true, answer: null } as const;
    expect(standingOf({ ...sent, deadline: '2026-03-20' }, TODAY).label).toBe('Answer owed');
    expect(standingOf({ ...sent, deadline: '2026-03-01' }, TODAY)).toEqual({
      label: 'Overdue',
      tone: 'warning',
    });
    const answered = { ...sent, owed: false, deadline: '2026-03-01', answer: ORIGINAL.answer };
    expect(standingOf(answered, TODAY).label).toBe('Sent');
    expect(
      standingOf(
        {
          ...answered,
          answer: {
            at: '2026-03-02T00:00:00.000Z',
            by: null,
            organization: ORIGINAL.to[0]!,
            note: null,
            response: null,
          },
        },
        TODAY,
      ).label,
    ).toBe('Answered');
    expect(
      standingOf({ ...sent, owed: false, state: 'withdrawn', deadline: null }, TODAY).label,
    ).toBe('Withdrawn');
    expect(standingOf({ ...sent, owed: false, state: 'draft', deadline: null }, TODAY).label).toBe(
      'Draft',
    );
  });

  it('orders the Action needed list soonest deadline first, statements without one last', () => {
    const list = [
      { deadline: null, sentAt: '2026-03-01' },
      { deadline: '2026-04-01', sentAt: '2026-03-01' },
      { deadline: '2026-03-01', sentAt: '2026-02-01' },
      { deadline: '2026-03-01', sentAt: '2026-02-05' },
    ];
    expect([...list].sort(bySoonestDeadline)).toEqual([list[3], list[2], list[1], list[0]]);
  });
});

describe('contacts', () => {
  it('reads "Name <address>" or a bare address a line, and writes them back the same way', () => {
    const parsed = parseContacts(' Jane Roe <jane@ofa.example>\n\nops@ofa.example \n');
    expect(parsed).toEqual({
      ok: true,
      contacts: [
        { name: 'Jane Roe', email: 'jane@ofa.example' },
        { name: 'ops@ofa.example', email: 'ops@ofa.example' },
      ],
    });
    if (parsed.ok)
      expect(formatContacts(parsed.contacts)).toBe('Jane Roe <jane@ofa.example>\nops@ofa.example');
  });

  it('refuses what is not an address, and more contacts than a statement takes', () => {
    expect(parseContacts('Jane Roe')).toMatchObject({ ok: false });
    expect(parseContacts('Jane <not an address>')).toMatchObject({ ok: false });
    const many = Array.from({ length: STATEMENT_MAX_CONTACTS + 1 }, (_, i) => `p${i}@ofa.example`);
    expect(parseContacts(many.join('\n'))).toMatchObject({ ok: false });
  });
});

describe('the draft form', () => {
  it('gives the API fields, leaving empty contacts for the register’s points of contact', () => {
    const read = readStatementForm(
      form({
        purpose: 'comment',
        deadline: '2026-03-20',
        body: 'Text',
        senderReference: ' OFA-LS-1 ',
        technicalContacts: 'Jane <jane@ofa.example>',
        refersTo: `${ID.toUpperCase()}, ${ID}`,
      }),
      TODAY,
    );
    expect(read).toEqual({
      ok: true,
      fields: {
        to: ['dmtf'],
        title: 'A statement',
        body: 'Text',
        purpose: 'comment',
        deadline: '2026-03-20',
        visibility: 'parties',
        senderReference: 'OFA-LS-1',
        receiverReference: null,
        refersTo: [ID],
        technicalContacts: [{ name: 'Jane', email: 'jane@ofa.example' }],
      },
    });
  });

  it('asks for a deadline for comment and action, drops a hidden one for information, refuses a past one', () => {
    expect(readStatementForm(form({ purpose: 'action' }), TODAY)).toMatchObject({
      ok: false,
      fieldErrors: { deadline: expect.stringContaining('needs a deadline') },
    });
    expect(
      readStatementForm(form({ purpose: 'comment', deadline: '2026-03-09' }), TODAY),
    ).toMatchObject({
      ok: false,
      fieldErrors: { deadline: expect.stringContaining('past') },
    });
    expect(
      readStatementForm(form({ purpose: 'information', deadline: '2026-03-20' }), TODAY),
    ).toMatchObject({ ok: true, fields: { deadline: null } });
  });

  it('refuses a response without what it answers, no receiver, the sender as receiver, a bad id', () => {
    const errorsOf = (values: Partial<StatementFormValues>) => {
      const read = readStatementForm(form(values), TODAY);
      return read.ok ? {} : read.fieldErrors;
    };
    expect(errorsOf({ purpose: 'response' })).toHaveProperty('refersTo');
    expect(errorsOf({ to: [] })).toHaveProperty('to');
    expect(errorsOf({ to: ['ofa'] })).toHaveProperty('to');
    expect(errorsOf({ refersTo: 'not-an-id' })).toHaveProperty('refersTo');
    expect(errorsOf({ title: '   ' })).toHaveProperty('title');
    expect(errorsOf({ visibility: 'everyone' as never })).toHaveProperty('visibility');
  });

  it('fills an edit with the draft and round-trips it', () => {
    const values = formValuesOf({ ...ORIGINAL, state: 'draft' });
    expect(values.responseContacts).toBe(
      'DMTF VP of Alliances <vpalliances@dmtf.org>\nops@dmtf.org',
    );
    expect(values.deadline).toBe('2026-04-01');
    expect(readStatementForm({ ...values, from: 'dmtf' }, TODAY)).toMatchObject({
      ok: true,
      fields: { responseContacts: ORIGINAL.responseContacts, to: ['ofa', 'snia'] },
    });
  });
});

describe('reply', () => {
  it('swaps from and to, answers the original, quotes its reference and its response contacts', () => {
    const reply = replyValues(ORIGINAL, ['snia', 'ofa']);
    expect(reply).toMatchObject({
      from: 'ofa',
      to: ['dmtf'],
      purpose: 'response',
      refersTo: ID,
      title: 'Re: Redfish Fabric Extensions available for comment',
      receiverReference: 'DMTF-LS-2026-01',
      visibility: 'parties',
      deadline: '',
    });
    expect(reply.body).toBe(
      'Attention: DMTF VP of Alliances <vpalliances@dmtf.org>, ops@dmtf.org\n\n',
    );
    expect(readStatementForm(reply, TODAY)).toMatchObject({
      ok: true,
      fields: { purpose: 'response', refersTo: [ID], deadline: null },
    });
  });

  it('keeps the title when "Re: " would make it too long', () => {
    const long = 'x'.repeat(299);
    expect(replyValues({ ...ORIGINAL, title: long }, ['ofa']).title).toBe(long);
  });
});

describe('API refusals and links', () => {
  it('names the field an API refusal concerns', () => {
    expect(
      describeStatementError({ status: 422, code: 'deadline_passed', message: 'x' }),
    ).toMatchObject({ field: 'deadline' });
    expect(
      describeStatementError({ status: 422, code: 'not_a_party', message: 'x' }),
    ).toMatchObject({
      field: 'to',
    });
    expect(
      describeStatementError({ status: 422, code: 'unknown_statement', message: 'x' }).field,
    ).toBe('refersTo');
    expect(
      describeStatementError({ status: 400, code: 'whatever', message: 'As the API says' }),
    ).toEqual({
      message: 'As the API says',
    });
  });

  it('lets a statement link to web and mail addresses and anchors only', () => {
    expect(safeLinkHref('https://www.dmtf.org/standards')).toBe('https://www.dmtf.org/standards');
    expect(safeLinkHref('mailto:vpalliances@dmtf.org')).toBe('mailto:vpalliances@dmtf.org');
    expect(safeLinkHref('#section-2')).toBe('#section-2');
    for (const hostile of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '/relative/path',
    ]) {
      expect(safeLinkHref(hostile), hostile).toBe('');
    }
  });
});
