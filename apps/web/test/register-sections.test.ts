import type { RegisterOpenItem } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import {
  groupByDirection,
  groupByParty,
  openItemsBySection,
  SECTIONS,
  savedMessage,
} from '../lib/register-sections';

describe('SECTIONS', () => {
  it('follows the register’s own order, the shared documents, statements and history last', () => {
    expect(SECTIONS.map((s) => s.key)).toEqual([
      'parties',
      'benefits',
      'activities',
      'limitations',
      'milestones',
      'access',
      'commitments',
      'review',
      'contacts',
      'approvals',
      'documents',
      'statements',
      'history',
    ]);
    expect(new Set(SECTIONS.map((s) => s.id)).size).toBe(SECTIONS.length);
  });
});

describe('groupByParty', () => {
  it('groups per party and joint, in order of first mention, keeping item order', () => {
    const groups = groupByParty([
      { party: 'ofa', text: 'a' },
      { party: 'dmtf', text: 'b' },
      { party: null, text: 'c' },
      { party: 'ofa', text: 'd' },
      { party: null, text: 'e' },
    ]);
    expect(groups.map((g) => [g.party, g.items.map((i) => i.text)])).toEqual([
      ['ofa', ['a', 'd']],
      ['dmtf', ['b']],
      [null, ['c', 'e']],
    ]);
    expect(groupByParty([])).toEqual([]);
  });
});

describe('groupByDirection', () => {
  it('groups commitments by who makes what available to whom', () => {
    const groups = groupByDirection([
      { from: 'dmtf', to: 'ofa', title: 'Redfish Fabric Extensions' },
      { from: 'ofa', to: 'dmtf', title: '' },
      { from: 'dmtf', to: 'ofa', title: 'Another' },
    ]);
    expect(groups.map((g) => [g.from, g.to, g.items.map((i) => i.title)])).toEqual([
      ['dmtf', 'ofa', ['Redfish Fabric Extensions', 'Another']],
      ['ofa', 'dmtf', ['']],
    ]);
  });
});

describe('openItemsBySection', () => {
  const item = (section: RegisterOpenItem['section'], description: string): RegisterOpenItem => ({
    section,
    party: null,
    itemId: null,
    description,
  });

  it('points each open item at its section, sections in page order, none left out', () => {
    const items = [
      item('approvals', 'OFA board approval date'),
      item('milestones', 'A third milestone'),
      item('contacts', 'OFA contact'),
      item('access', 'Non-public work in progress'),
      item('approvals', 'DMTF resolution'),
    ];
    const groups = openItemsBySection(items);
    expect(groups.map((g) => [g.id, g.items.map((i) => i.description)])).toEqual([
      ['milestones', ['A third milestone']],
      ['access', ['Non-public work in progress']],
      ['contacts', ['OFA contact']],
      ['approvals', ['OFA board approval date', 'DMTF resolution']],
    ]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(items.length);
  });
});

describe('savedMessage', () => {
  const names = (slug: string) => ({ dmtf: 'DMTF', ofa: 'OFA' })[slug] ?? slug;

  it('confirms each edit', () => {
    expect(savedMessage('milestone', names)).toBe('Milestone saved.');
    expect(savedMessage('commitment-removed', names)).toBe('Documentation commitment removed.');
    expect(savedMessage('contact', names)).toBe('Point of contact saved.');
    expect(savedMessage('approval-dmtf', names)).toBe('DMTF’s approval is recorded.');
    expect(savedMessage('statement-discarded', names)).toBe('The draft statement was discarded.');
  });

  it('says nothing for anything else', () => {
    expect(savedMessage(undefined, names)).toBeNull();
    expect(savedMessage('approval-', names)).toBeNull();
    expect(savedMessage('approval-<script>', names)).toBeNull();
    expect(savedMessage('whatever', names)).toBeNull();
  });
});
