import { ABSTRACT_MAX_LENGTH, TITLE_MAX_LENGTH } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import {
  audienceText,
  type Choices,
  changedFields,
  documentFieldErrors,
  editChoices,
  identifierError,
  PARTNERS_NEED_A_REGISTER,
  readDocumentFields,
  reasonError,
  registersOf,
  titleError,
  versionLabelError,
} from '../lib/document-rules';

describe('patterns', () => {
  it('accept and refuse identifiers and labels', () => {
    expect(identifierError('DSP0266')).toBeUndefined();
    expect(identifierError('OFA-FMM_1.x')).toBeUndefined();
    expect(identifierError('')).toMatch(/Enter an identifier/);
    expect(identifierError('-DSP')).toMatch(/starting with a letter or digit/);
    expect(identifierError('a/b')).toBeDefined();
    expect(identifierError('x'.repeat(65))).toBeDefined();
    expect(versionLabelError('1.2.0')).toBeUndefined();
    expect(versionLabelError('0.9a+build.1')).toBeUndefined();
    expect(versionLabelError('')).toMatch(/Enter a version label/);
    expect(versionLabelError('1 2')).toBeDefined();
  });

  it('limit titles, abstracts and reasons', () => {
    expect(titleError('')).toBeDefined();
    expect(titleError('x'.repeat(TITLE_MAX_LENGTH))).toBeUndefined();
    expect(titleError('x'.repeat(TITLE_MAX_LENGTH + 1))).toBeDefined();
    expect(reasonError('')).toMatch(/reason/);
    expect(reasonError('x'.repeat(1001))).toBeDefined();
  });
});

describe('choices', () => {
  const editor = { edit: true, release: false };
  const admin = { edit: true, release: true };

  it('give admins every status and visibility', () => {
    expect(editChoices({ status: 'work-in-progress', visibility: 'organization' }, admin)).toEqual({
      statuses: ['work-in-progress', 'informational', 'standard'],
      visibilities: ['organization', 'partners', 'public'],
    });
  });

  it('keep editors away from public and standard, as the policy does', () => {
    expect(editChoices({ status: 'informational', visibility: 'partners' }, editor)).toEqual({
      statuses: ['work-in-progress', 'informational'],
      visibilities: ['organization', 'partners'],
    });
    // A public standard stays what it is: changing either is an admin decision.
    expect(editChoices({ status: 'standard', visibility: 'public' }, editor)).toEqual({
      statuses: ['standard'],
      visibilities: ['public'],
    });
  });

  it('offer nothing new to readers', () => {
    expect(
      editChoices({ status: 'standard', visibility: 'public' }, { edit: false, release: false }),
    ).toEqual({ statuses: ['standard'], visibilities: ['public'] });
  });
});

describe('form fields', () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it('are read trimmed, with registers deduplicated and checked', () => {
    expect(
      readDocumentFields(
        form([
          ['title', '  Fabric model '],
          ['abstract', 'Line one\r\nLine two '],
          ['status', 'informational'],
          ['visibility', 'partners'],
          ['watermark', 'on'],
          ['registers', 'ofa-dmtf'],
          ['registers', 'ofa-dmtf'],
          ['registers', '../etc'],
        ]),
      ),
    ).toEqual({
      title: 'Fabric model',
      abstract: 'Line one\nLine two',
      status: 'informational',
      visibility: 'partners',
      watermark: true,
      registers: ['ofa-dmtf'],
    });
  });

  it('report every problem by field', () => {
    const choices: Choices = {
      statuses: ['work-in-progress', 'informational'],
      visibilities: ['organization', 'partners'],
    };
    expect(
      documentFieldErrors(
        {
          title: '',
          abstract: 'x'.repeat(ABSTRACT_MAX_LENGTH + 1),
          status: 'standard',
          visibility: 'public',
          watermark: false,
          registers: ['snia-dmtf'],
        },
        choices,
        ['ofa-dmtf'],
      ),
    ).toEqual({
      title: expect.any(String),
      abstract: expect.any(String),
      status: expect.any(String),
      visibility: expect.any(String),
      registers: expect.any(String),
    });
    expect(
      documentFieldErrors(
        {
          title: 'Fine',
          abstract: '',
          status: 'work-in-progress',
          visibility: 'partners',
          watermark: true,
          registers: ['ofa-dmtf'],
        },
        choices,
        ['ofa-dmtf'],
      ),
    ).toEqual({});
  });
});

describe('a partners document needs a register', () => {
  const choices: Choices = {
    statuses: ['work-in-progress'],
    visibilities: ['organization', 'partners'],
  };
  const fields = {
    title: 'Fine',
    abstract: '',
    status: 'work-in-progress',
    visibility: 'partners',
    watermark: true,
    registers: [] as string[],
  };

  it('refuses partners under no register, on the registers field', () => {
    expect(documentFieldErrors(fields, choices, ['ofa-dmtf'])).toEqual({
      registers: PARTNERS_NEED_A_REGISTER,
    });
    expect(
      documentFieldErrors({ ...fields, visibility: 'organization' }, choices, ['ofa-dmtf']),
    ).toEqual({});
  });
});

describe('audienceText', () => {
  const OFA = { slug: 'ofa', name: 'OFA' };
  const ofaDmtf = {
    slug: 'ofa-dmtf',
    title: 'OFA/DMTF work register',
    parties: [
      { organization: 'ofa', name: 'OFA' },
      { organization: 'dmtf', name: 'DMTF' },
    ],
  };

  it('names who will see the document before it is saved', () => {
    expect(audienceText(OFA, 'partners', [ofaDmtf])).toEqual({
      text: 'Visible to: OFA (owner), DMTF — through the OFA/DMTF work register.',
      problem: false,
    });
    expect(audienceText(OFA, 'organization', [ofaDmtf])).toEqual({
      text: 'Visible to: only OFA members.',
      problem: false,
    });
    expect(audienceText(OFA, 'public', []).text).toBe('Visible to: everyone, without signing in.');
  });

  it('flags partners under no register as shared with nobody', () => {
    expect(audienceText(OFA, 'partners', [])).toEqual({
      text: 'Shared with nobody: choose a register.',
      problem: true,
    });
  });
});

describe('changedFields', () => {
  const current = {
    title: 'A',
    abstract: 'B',
    status: 'work-in-progress' as const,
    visibility: 'partners' as const,
    watermark: true,
    registers: ['b-reg', 'a-reg'],
  };

  it('is empty when nothing changed, whatever the register order', () => {
    expect(changedFields(current, { ...current, registers: ['a-reg', 'b-reg'] })).toEqual({});
  });

  it('holds only what changed', () => {
    expect(
      changedFields(current, { ...current, title: 'A2', visibility: 'public', registers: [] }),
    ).toEqual({ title: 'A2', visibility: 'public', registers: [] });
    expect(changedFields(current, { ...current, watermark: false })).toEqual({ watermark: false });
  });
});

describe('registersOf', () => {
  it('keeps the registers the organization is a party of', () => {
    const registers = [
      { slug: 'ofa-dmtf', parties: [{ organization: 'ofa' }, { organization: 'dmtf' }] },
      { slug: 'snia-dmtf', parties: [{ organization: 'snia' }, { organization: 'dmtf' }] },
    ];
    expect(registersOf(registers, 'ofa').map((r) => r.slug)).toEqual(['ofa-dmtf']);
    expect(registersOf(registers, 'dmtf').map((r) => r.slug)).toEqual(['ofa-dmtf', 'snia-dmtf']);
  });
});
