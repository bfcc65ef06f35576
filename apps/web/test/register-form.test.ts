import { describe, expect, it } from 'vitest';
import {
  createRegisterBody,
  type RegisterFields,
  readRegisterForm,
  registerChanges,
} from '../lib/register-form';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const complete: [string, string][] = [
  ['slug', 'ofa-dmtf'],
  ['title', ' OFA/DMTF Work Register '],
  ['version', '1.0b'],
  ['state', 'approved'],
  ['initiatedOn', '2018-09-13'],
  ['reviewDue', ''],
  ['summary', 'Summary'],
  ['reviewProcess', ''],
  ['party', 'ofa'],
  ['partyDescription.ofa', 'Fabrics'],
  ['partyDescription.snia', 'ignored: not ticked'],
  ['party', 'dmtf'],
  ['partyDescription.dmtf', ''],
  ['party', 'ofa'],
];

describe('readRegisterForm', () => {
  it('reads the fields and the ticked parties in form order, once each', () => {
    const read = readRegisterForm(form(complete));
    expect(read).toEqual({
      ok: true,
      fields: {
        slug: 'ofa-dmtf',
        title: 'OFA/DMTF Work Register',
        version: '1.0b',
        state: 'approved',
        initiatedOn: '2018-09-13',
        reviewDue: null,
        summary: 'Summary',
        reviewProcess: '',
        parties: [
          { organization: 'ofa', description: 'Fabrics' },
          { organization: 'dmtf', description: '' },
        ],
      },
    });
  });

  it('reports every bad field', () => {
    const read = readRegisterForm(
      form([
        ['slug', 'Bad Slug'],
        ['title', ''],
        ['state', 'published'],
        ['initiatedOn', '2018-02-30'],
        ['reviewDue', 'soon'],
      ]),
    );
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(Object.keys(read.problems).sort()).toEqual([
        'initiatedOn',
        'parties',
        'reviewDue',
        'slug',
        'state',
        'title',
      ]);
    }
  });
});

describe('createRegisterBody', () => {
  it('leaves empty optional fields and descriptions out', () => {
    const read = readRegisterForm(form(complete));
    if (!read.ok) throw new Error('expected a valid form');
    expect(createRegisterBody(read.fields)).toEqual({
      slug: 'ofa-dmtf',
      title: 'OFA/DMTF Work Register',
      state: 'approved',
      version: '1.0b',
      initiatedOn: '2018-09-13',
      summary: 'Summary',
      parties: [{ organization: 'ofa', description: 'Fabrics' }, { organization: 'dmtf' }],
    });
  });
});

describe('registerChanges', () => {
  const original: Omit<RegisterFields, 'slug'> = {
    title: 'OFA/DMTF Work Register',
    version: '1.0b',
    state: 'approved',
    initiatedOn: '2018-09-13',
    reviewDue: '2020-03-01',
    summary: 'Summary',
    reviewProcess: '',
    parties: [
      { organization: 'ofa', description: 'Fabrics' },
      { organization: 'dmtf', description: '' },
    ],
  };

  it('sends only what changed, a cleared date as null', () => {
    const read = readRegisterForm(form(complete));
    if (!read.ok) throw new Error('expected a valid form');
    expect(registerChanges(original, read.fields)).toEqual({ reviewDue: null });
  });

  it('sends the whole party list when a party, its order or its role changes', () => {
    const read = readRegisterForm(
      form([
        ...complete.filter(([k]) => !k.startsWith('party') && k !== 'reviewDue'),
        ['reviewDue', '2020-03-01'],
        ['party', 'ofa'],
        ['partyDescription.ofa', 'Fabrics'],
        ['party', 'snia'],
        ['partyDescription.snia', 'Storage'],
      ]),
    );
    if (!read.ok) throw new Error('expected a valid form');
    expect(registerChanges(original, read.fields)).toEqual({
      parties: [
        { organization: 'ofa', description: 'Fabrics' },
        { organization: 'snia', description: 'Storage' },
      ],
    });
  });

  it('finds nothing to send for an unchanged form', () => {
    const fields: RegisterFields = { slug: 'ofa-dmtf', ...original };
    expect(registerChanges(original, fields)).toEqual({});
  });
});

describe('the text sections of the operator’s editor', () => {
  const sectionRows: [string, string][] = [
    ['sections', '1'],
    ['benefits.count', '3'],
    ['benefits.0.party', 'ofa'],
    ['benefits.0.text', ' Access to DMTF standards.\nAnd profiles. '],
    ['benefits.1.party', ''],
    ['benefits.1.text', ''],
    ['benefits.2.party', ''],
    ['benefits.2.text', 'One management model'],
    ['benefits.2.open', 'on'],
    ['activities.count', '1'],
    ['activities.0.party', 'dmtf'],
    ['activities.0.text', ''],
    ['limitations.count', '0'],
    ['accessRules.count', '1'],
    ['accessRules.0.scope', 'non-public'],
    ['accessRules.0.party', ''],
    ['accessRules.0.text', 'Shared with the parties only.'],
  ];

  it('reads every section in order, leaving out emptied rows', () => {
    const read = readRegisterForm(form([...complete, ...sectionRows]));
    if (!read.ok) throw new Error('expected a valid form');
    expect(read.fields.sections).toEqual({
      benefits: [
        { party: 'ofa', text: 'Access to DMTF standards.\nAnd profiles.', open: false },
        { party: null, text: 'One management model', open: true },
      ],
      activities: [],
      limitations: [],
      accessRules: [
        { scope: 'non-public', party: null, text: 'Shared with the parties only.', open: false },
      ],
    });
  });

  it('refuses an item of a party that is not ticked and a joint activity', () => {
    const read = readRegisterForm(
      form([
        ...complete,
        ...sectionRows.filter(([k]) => !k.startsWith('activities') && k !== 'benefits.0.party'),
        ['benefits.0.party', 'snia'],
        ['activities.count', '1'],
        ['activities.0.party', ''],
        ['activities.0.text', 'Plugfests'],
      ]),
    );
    expect(read).toEqual({
      ok: false,
      problems: {
        'benefits.0.party': 'Choose one of the ticked parties.',
        'activities.0.party': 'An activity is one party’s: choose the party.',
      },
    });
  });

  it('sends a whole section only when it changed', () => {
    const read = readRegisterForm(form([...complete, ...sectionRows]));
    if (!read.ok) throw new Error('expected a valid form');
    const sections = read.fields.sections!;
    const original = { ...read.fields, slug: undefined, sections: { ...sections, benefits: [] } };
    expect(registerChanges(original, read.fields)).toEqual({ benefits: sections.benefits });
  });
});
