import type { RegisterOpenItem, RegisterPage } from '@liaison/core';

type Sections = Omit<RegisterPage, 'openItems' | 'documents' | 'permissions'>;

const quoted = (text: string) => (text ? ` (the register says “${text}”)` : '');

/**
 * What the register leaves open, in the register's order: items it marks with "?" or a
 * placeholder, approvals not yet recorded in full, and a missing review date. Shown as open
 * items, so a gap is never mistaken for data.
 */
export function openItemsOf(register: Sections): RegisterOpenItem[] {
  const name = (slug: string | null) =>
    slug === null
      ? 'the alliance'
      : (register.parties.find((party) => party.organization === slug)?.name ?? slug);
  const items: RegisterOpenItem[] = [];
  const add = (
    section: RegisterOpenItem['section'],
    party: string | null,
    itemId: string | null,
    description: string,
  ) => items.push({ section, party, itemId, description });

  for (const section of ['benefits', 'activities', 'limitations'] as const) {
    for (const item of register[section].filter((entry) => entry.open)) {
      add(section, item.party, null, `Left open for ${name(item.party)}${quoted(item.text)}`);
    }
  }
  for (const milestone of register.milestones.filter((entry) => entry.open)) {
    add(
      'milestones',
      null,
      milestone.id,
      milestone.deliverable
        ? `Milestone “${milestone.deliverable}”: left open${quoted(milestone.timeframe)}`
        : `A further milestone, not named yet${quoted(milestone.timeframe)}`,
    );
  }
  for (const rule of register.accessRules.filter((entry) => entry.open)) {
    add(
      'access',
      rule.party,
      null,
      `Access rule left open for ${name(rule.party)}${quoted(rule.text)}`,
    );
  }
  for (const commitment of register.commitments.filter((entry) => entry.open)) {
    add(
      'commitments',
      commitment.from,
      commitment.id,
      `Documents ${name(commitment.from)} makes available to ${name(commitment.to)}: not named yet`,
    );
  }
  if (register.reviewDue === null) add('review', null, null, 'The review date is not set');
  for (const contact of register.contacts.filter((entry) => entry.open)) {
    add(
      'contacts',
      contact.party,
      contact.id,
      `Points of contact for ${name(contact.party)}: not named yet`,
    );
  }
  for (const approval of register.approvals) {
    const by = approval.body || name(approval.party);
    if (approval.state === 'pending') {
      add(
        'approvals',
        approval.party,
        null,
        `Approval by ${by}: pending${quoted(approval.asWritten)}`,
      );
    } else if (approval.approvedOn === null) {
      add(
        'approvals',
        approval.party,
        null,
        `Approval by ${by}: date not recorded${quoted(approval.asWritten)}`,
      );
    }
  }
  return items;
}
