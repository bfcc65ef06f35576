import { describe, expect, it } from 'vitest';
import {
  type GroupableDocument,
  groupWorkspace,
  isPartnerWork,
  registersOf,
} from '../lib/workspace-groups';

const registers = [
  { slug: 'ofa-dmtf', parties: [{ organization: 'ofa' }, { organization: 'dmtf' }] },
  { slug: 'snia-dmtf', parties: [{ organization: 'snia' }, { organization: 'dmtf' }] },
];

let seq = 0;
function doc(
  organization: string,
  registers: string[],
  overrides: Partial<GroupableDocument> = {},
): GroupableDocument {
  seq++;
  return {
    id: `doc-${seq}`,
    organization,
    status: 'work-in-progress',
    visibility: 'partners',
    registers,
    updatedAt: `2026-01-${String(seq).padStart(2, '0')}T00:00:00.000Z`,
    ...overrides,
  };
}

const ids = (documents: readonly GroupableDocument[]) => documents.map((d) => d.id);

describe('registersOf', () => {
  it('keeps the registers one of the organizations is party to, in order', () => {
    expect(registersOf(registers, ['dmtf']).map((r) => r.slug)).toEqual(['ofa-dmtf', 'snia-dmtf']);
    expect(registersOf(registers, ['ofa']).map((r) => r.slug)).toEqual(['ofa-dmtf']);
    expect(registersOf(registers, [])).toEqual([]);
    expect(registersOf(registers, ['w3c'])).toEqual([]);
  });
});

describe('isPartnerWork', () => {
  it('is work in progress or anything not public', () => {
    expect(isPartnerWork({ status: 'work-in-progress', visibility: 'public' })).toBe(true);
    expect(isPartnerWork({ status: 'standard', visibility: 'partners' })).toBe(true);
    expect(isPartnerWork({ status: 'standard', visibility: 'public' })).toBe(false);
    expect(isPartnerWork({ status: 'informational', visibility: 'public' })).toBe(false);
  });
});

describe('groupWorkspace', () => {
  it('puts an OFA viewer’s and DMTF’s shared work under the OFA/DMTF register', () => {
    const ours = doc('ofa', ['ofa-dmtf']);
    const theirs = doc('dmtf', ['ofa-dmtf']);
    const sniaOnly = doc('dmtf', ['snia-dmtf']);
    const workspace = groupWorkspace([ours, theirs, sniaOnly], registers, ['ofa']);
    expect(workspace.registers).toHaveLength(1);
    expect(workspace.registers[0]!.register.slug).toBe('ofa-dmtf');
    expect(ids(workspace.registers[0]!.ours)).toEqual([ours.id]);
    expect(ids(workspace.registers[0]!.partners)).toEqual([theirs.id]);
    expect(workspace.unshared).toEqual([]);
  });

  it('gives a viewer whose organization is party to two registers a section for each', () => {
    const both = doc('dmtf', ['ofa-dmtf', 'snia-dmtf']);
    const fromSnia = doc('snia', ['snia-dmtf']);
    const workspace = groupWorkspace([both, fromSnia], registers, ['dmtf']);
    expect(workspace.registers.map((g) => g.register.slug)).toEqual(['ofa-dmtf', 'snia-dmtf']);
    expect(ids(workspace.registers[0]!.ours)).toEqual([both.id]);
    expect(ids(workspace.registers[1]!.ours)).toEqual([both.id]);
    expect(ids(workspace.registers[1]!.partners)).toEqual([fromSnia.id]);
  });

  it('lists own documents shared under no register (or under a foreign one) as not shared', () => {
    const unshared = doc('ofa', []);
    const foreign = doc('ofa', ['snia-dmtf']);
    const workspace = groupWorkspace([unshared, foreign], registers, ['ofa']);
    expect(ids(workspace.unshared).sort()).toEqual([unshared.id, foreign.id].sort());
    expect(workspace.registers[0]!.ours).toEqual([]);
  });

  it('treats an own document with visibility "organization" as not shared, whatever its registers', () => {
    const internal = doc('ofa', ['ofa-dmtf'], { visibility: 'organization' });
    const workspace = groupWorkspace([internal], registers, ['ofa']);
    expect(ids(workspace.unshared)).toEqual([internal.id]);
    expect(workspace.registers[0]!.ours).toEqual([]);
  });

  it('never lists an own public document as not shared: outside a register it is published', () => {
    const published = doc('ofa', [], { visibility: 'public', status: 'standard' });
    const workspace = groupWorkspace([published], registers, ['ofa']);
    expect(workspace.unshared).toEqual([]);
    expect(ids(workspace.published)).toEqual([published.id]);
  });

  it('keeps own public documents under their register', () => {
    const released = doc('ofa', ['ofa-dmtf'], { visibility: 'public', status: 'standard' });
    const workspace = groupWorkspace([released], registers, ['ofa']);
    expect(ids(workspace.registers[0]!.ours)).toEqual([released.id]);
  });

  it('leaves out partners’ released documents and partners’ documents outside any register', () => {
    const released = doc('dmtf', ['ofa-dmtf'], { visibility: 'public', status: 'standard' });
    const publicWip = doc('dmtf', ['ofa-dmtf'], { visibility: 'public' });
    const libraryOnly = doc('dmtf', [], { visibility: 'public' });
    const workspace = groupWorkspace([released, publicWip, libraryOnly], registers, ['ofa']);
    expect(ids(workspace.registers[0]!.partners)).toEqual([publicWip.id]);
    expect(workspace.unshared).toEqual([]);
  });

  it('drops duplicates (a document fetched by register and by organization)', () => {
    const ours = doc('ofa', ['ofa-dmtf']);
    const workspace = groupWorkspace([ours, { ...ours }, ours], registers, ['ofa']);
    expect(ids(workspace.registers[0]!.ours)).toEqual([ours.id]);
  });

  it('sorts every group newest change first', () => {
    const older = doc('ofa', ['ofa-dmtf'], { updatedAt: '2025-01-01T00:00:00.000Z' });
    const newer = doc('ofa', ['ofa-dmtf'], { updatedAt: '2026-03-01T00:00:00.000Z' });
    const middle = doc('ofa', ['ofa-dmtf'], { updatedAt: '2025-06-01T00:00:00.000Z' });
    const workspace = groupWorkspace([older, newer, middle], registers, ['ofa']);
    expect(ids(workspace.registers[0]!.ours)).toEqual([newer.id, middle.id, older.id]);
  });

  it('gives a viewer without organizations an empty workspace', () => {
    const workspace = groupWorkspace([doc('ofa', ['ofa-dmtf'])], registers, []);
    expect(workspace).toEqual({ registers: [], unshared: [], published: [] });
  });

  it('keeps registers with nothing shared yet as empty sections', () => {
    const workspace = groupWorkspace([], registers, ['dmtf']);
    expect(
      workspace.registers.map((g) => [g.register.slug, g.ours.length, g.partners.length]),
    ).toEqual([
      ['ofa-dmtf', 0, 0],
      ['snia-dmtf', 0, 0],
    ]);
  });
});
