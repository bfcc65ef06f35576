/**
 * How the register page is put together: its sections in the register's own order, items grouped
 * by party, the open items pointed at their sections, and the confirmation after an edit. Pure.
 */

import type { AccessScope, RegisterOpenItem } from '@liaison/core';
import { SLUG_BODY } from '@liaison/core';

const APPROVAL_SAVED = new RegExp(`^approval-(${SLUG_BODY})$`);

export type SectionKey =
  | RegisterOpenItem['section']
  | 'parties'
  | 'documents'
  | 'statements'
  | 'history';

/**
 * The sections in the order the register text has them (the shared documents and statements last);
 * a section's key is also its anchor's id.
 */
const SECTION_TITLES: readonly (readonly [SectionKey, string])[] = [
  ['parties', 'Alliance organizations'],
  ['benefits', 'Alliance benefits'],
  ['activities', 'Activities'],
  ['limitations', 'Limitations'],
  ['milestones', 'Milestones'],
  ['access', 'Access'],
  ['commitments', 'Documentation'],
  ['review', 'Work register review'],
  ['contacts', 'Points of contact'],
  ['approvals', 'Approvals'],
  ['documents', 'Documents shared under this register'],
  ['statements', 'Liaison statements'],
  ['history', 'History of this register'],
];

export const SECTIONS: readonly { key: SectionKey; id: string; title: string }[] =
  SECTION_TITLES.map(([key, title]) => ({ key, id: key, title }));

export function section(key: SectionKey): { id: string; title: string } {
  const found = SECTIONS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`No register section ${key}`);
  return found;
}

/** The register's headings for its access rules, in its order. */
export const ACCESS_SCOPES: readonly { scope: AccessScope; heading: string | null }[] = [
  { scope: 'general', heading: null },
  { scope: 'public', heading: 'For information which can be accessed publicly' },
  { scope: 'non-public', heading: 'For non-public work in progress' },
  {
    scope: 'intellectual-property',
    heading:
      'For any information that involves intellectual property (information contributed to each other’s projects)',
  },
];

/** Items grouped by what `keyOf` gives them, groups in order of first mention. */
function groupInOrder<T, K>(items: readonly T[], keyOf: (item: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** Items grouped by the party they are about (null: joint), groups in order of first mention. */
export function groupByParty<T extends { party: string | null }>(
  items: readonly T[],
): { party: string | null; items: T[] }[] {
  return groupInOrder(items, (item) => item.party).map((group) => ({
    party: group[0]!.party,
    items: group,
  }));
}

/** Commitments grouped by direction ("DMTF → OFA"), directions in order of first mention. */
export function groupByDirection<T extends { from: string; to: string }>(
  items: readonly T[],
): { from: string; to: string; items: T[] }[] {
  return groupInOrder(items, (item) => JSON.stringify([item.from, item.to])).map((group) => ({
    from: group[0]!.from,
    to: group[0]!.to,
    items: group,
  }));
}

/** The open items in the page's section order (the API lists them in the register's order). */
export function openItemsBySection(
  items: readonly RegisterOpenItem[],
): { id: string; title: string; items: RegisterOpenItem[] }[] {
  return SECTIONS.flatMap(({ key, id, title }) => {
    const inSection = items.filter((item) => item.section === key);
    return inSection.length > 0 ? [{ id, title, items: inSection }] : [];
  });
}

/** The confirmation after an edit (from `?saved=` on the register page), or null. */
export function savedMessage(
  saved: string | undefined,
  partyName: (slug: string) => string,
): string | null {
  switch (saved) {
    case 'milestone':
      return 'Milestone saved.';
    case 'milestone-removed':
      return 'Milestone removed.';
    case 'commitment':
      return 'Documentation commitment saved.';
    case 'commitment-removed':
      return 'Documentation commitment removed.';
    case 'contact':
      return 'Point of contact saved.';
    case 'contact-removed':
      return 'Point of contact removed.';
    case 'statement-discarded':
      return 'The draft statement was discarded.';
  }
  const approval = saved && APPROVAL_SAVED.exec(saved);
  return approval ? `${partyName(approval[1]!)}’s approval is recorded.` : null;
}
