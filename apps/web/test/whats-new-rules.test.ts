import type { WhatsNewItem } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { shownItem, whatsNewBadge } from '../lib/whats-new-rules';

const AT = '2026-11-30T09:15:00.000Z';
const ID = '5b0e4e5c-8f1a-4c57-9a55-0d9c2b7e4f10';

describe("What's new, as shown", () => {
  it('badges a count, nothing for none or unknown, and 99+ from the cap on', () => {
    expect(whatsNewBadge(null)).toBeNull();
    expect(whatsNewBadge(0)).toBeNull();
    expect(whatsNewBadge(7)).toBe('7');
    expect(whatsNewBadge(99)).toBe('99');
    expect(whatsNewBadge(100)).toBe('99+');
  });

  it('links each kind of item to its object', () => {
    const items: WhatsNewItem[] = [
      {
        kind: 'version',
        id: 'v1',
        at: AT,
        new: true,
        document: { id: ID, identifier: 'OFA-12', title: 'Fabric model', organization: 'ofa' },
        label: '2.0',
      },
      {
        kind: 'decision',
        id: '41',
        at: AT,
        new: false,
        submission: {
          id: ID,
          reference: 'OFA-DMTF-2026-003',
          title: 'Telemetry',
          from: 'ofa',
          to: 'dmtf',
        },
        decision: 'declined',
      },
      {
        kind: 'statement',
        id: ID,
        at: AT,
        new: true,
        statement: {
          id: ID,
          title: 'Comments welcome',
          from: 'snia',
          purpose: 'comment',
          state: 'sent',
          deadline: '2026-12-20',
        },
      },
    ];
    expect(items.map(shownItem)).toEqual([
      {
        key: 'version:v1',
        tag: 'New version',
        title: 'OFA-12 Fabric model',
        href: `/documents/${ID}`,
        detail: 'Version 2.0, OFA',
      },
      {
        key: 'decision:41',
        tag: 'Submission declined',
        title: 'Telemetry',
        href: `/submissions/${ID}`,
        detail: 'OFA-DMTF-2026-003, OFA to DMTF',
      },
      {
        key: `statement:${ID}`,
        tag: 'Statement',
        title: 'Comments welcome',
        href: `/statements/${ID}`,
        detail: 'From SNIA, for comment, due 20 December 2026',
      },
    ]);
  });
});
