import { WHATS_NEW_COUNT_CAP, type WhatsNewItem } from '@liaison/core';
import { formatCalendarDate } from './format';
import { statementPath } from './statement-links';
import { PURPOSE_LABELS } from './statement-rules';
import { submissionPath } from './submission-links';
import { SUBMISSION_STATE_LABELS } from './submission-rules';

/** Pure helpers of the What's new page and its header badge; safe in client components. */

/** The badge's text: nothing for no news, "99+" from the API's cap on. */
export function whatsNewBadge(count: number | null): string | null {
  if (!count) return null;
  return count >= WHATS_NEW_COUNT_CAP ? `${WHATS_NEW_COUNT_CAP - 1}+` : String(count);
}

export interface ShownItem {
  key: string;
  /** What kind of news, as a short tag. */
  tag: string;
  /** The link's text and where it leads. */
  title: string;
  href: string;
  /** One line of context under the title. */
  detail: string;
}

export function shownItem(item: WhatsNewItem): ShownItem {
  const key = `${item.kind}:${item.id}`;
  switch (item.kind) {
    case 'version':
      return {
        key,
        tag: 'New version',
        title: `${item.document.identifier} ${item.document.title}`,
        href: `/documents/${encodeURIComponent(item.document.id)}`,
        detail: `Version ${item.label}, ${item.document.organization.toUpperCase()}`,
      };
    case 'decision':
      return {
        key,
        tag: `Submission ${SUBMISSION_STATE_LABELS[item.decision].toLowerCase()}`,
        title: item.submission.title,
        href: submissionPath(item.submission.id),
        detail: `${item.submission.reference}, ${item.submission.from.toUpperCase()} to ${item.submission.to.toUpperCase()}`,
      };
    case 'statement':
      return {
        key,
        tag: item.statement.state === 'withdrawn' ? 'Statement, withdrawn' : 'Statement',
        title: item.statement.title,
        href: statementPath(item.statement.id),
        detail: `From ${item.statement.from.toUpperCase()}, ${PURPOSE_LABELS[item.statement.purpose].toLowerCase()}${
          item.statement.deadline ? `, due ${formatCalendarDate(item.statement.deadline)}` : ''
        }`,
      };
  }
}
