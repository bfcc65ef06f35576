/** The register's history as the page shows it: what changed, and each field before → after. */
import type { RegisterHistoryEvent } from '@liaison/core';

const ITEMS: Record<RegisterHistoryEvent['itemKind'], string> = {
  milestone: 'milestone',
  commitment: 'documentation commitment',
  contact: 'point of contact',
  approval: 'approval',
  register: 'register',
};

const FIELD_LABELS: Record<string, string> = {
  deliverable: 'Deliverable',
  timeframe: 'Timeframe',
  state: 'State',
  doneOn: 'Date done',
  open: 'Open item',
  from: 'Made available by',
  to: 'To',
  title: 'Title',
  note: 'Note',
  documentIdentifier: 'Linked document',
  party: 'Party',
  role: 'Role',
  address: 'Address',
  body: 'Approving body',
  resolution: 'Resolution',
  approvedOn: 'Approved on',
  asWritten: 'As written',
  resolutionDocument: 'Resolution document',
  summary: 'Summary',
  version: 'Version',
  initiatedOn: 'Date initiated',
  reviewDue: 'Review due',
  reviewDueAsWritten: 'Review due (as written)',
  reviewProcess: 'Review process',
  reviewProcessUrl: 'Review process link',
  parties: 'Parties',
  benefits: 'Benefits',
  activities: 'Activities',
  limitations: 'Limitations',
  accessRules: 'Access rules',
};

/** "Changed the milestone “Joint profile”", "Added a point of contact", "Recorded the approval of DMTF". */
export function describeEvent(
  event: RegisterHistoryEvent,
  nameOf: (slug: string) => string,
): string {
  const item = (event.after ?? event.before ?? {}) as Record<string, unknown>;
  if (event.itemKind === 'approval') {
    const verb = event.action.endsWith('.clear') ? 'Cleared' : 'Recorded';
    return `${verb} the approval of ${nameOf(event.itemId ?? '')}`;
  }
  if (event.itemKind === 'register') return 'Changed the register';
  const verb = event.before === null ? 'Added' : event.after === null ? 'Removed' : 'Changed';
  const name =
    typeof item.deliverable === 'string' && item.deliverable
      ? item.deliverable
      : typeof item.title === 'string' && item.title
        ? item.title
        : typeof item.role === 'string' && item.role
          ? item.role
          : '';
  return `${verb} the ${ITEMS[event.itemKind]}${name ? ` “${name}”` : ''}`;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A value as one short line; “–” for nothing. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((entry) =>
        entry && typeof entry === 'object' && 'text' in entry
          ? String((entry as { text: unknown }).text)
          : entry && typeof entry === 'object' && 'organization' in entry
            ? String((entry as { organization: unknown }).organization)
            : shownValue(entry),
      )
      .join(' · ');
  }
  if (typeof value === 'object' && 'organization' in value && 'identifier' in value) {
    const ref = value as { organization: string; identifier: string };
    return `${ref.organization}/${ref.identifier}`;
  }
  return JSON.stringify(value);
}

/** Each field that differs between before and after (all of them for an addition or removal). */
export function fieldChanges(event: Pick<RegisterHistoryEvent, 'before' | 'after'>): FieldChange[] {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => field !== 'id',
  );
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({
      field: FIELD_LABELS[field] ?? field,
      before: event.before === null ? '' : shownValue(before[field]),
      after: event.after === null ? '' : shownValue(after[field]),
    }));
}
