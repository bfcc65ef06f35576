import type { StatementPurpose, StatementSummary } from '@liaison/core';
import {
  deadlineNote,
  PURPOSE_DESCRIPTIONS,
  PURPOSE_LABELS,
  standingOf,
} from '../../lib/statement-rules';

export function PurposeBadge({ purpose }: { purpose: StatementPurpose }) {
  return (
    <span
      className="badge badge--outline badge--neutral"
      data-purpose={purpose}
      title={PURPOSE_DESCRIPTIONS[purpose]}
    >
      <span className="visually-hidden">Purpose: </span>
      {PURPOSE_LABELS[purpose]}
    </span>
  );
}

type Tracked = Pick<StatementSummary, 'state' | 'owed' | 'answer' | 'deadline' | 'purpose'>;

export function StandingBadge({ statement, today }: { statement: Tracked; today: string }) {
  const standing = standingOf(statement, today);
  return (
    <span className={`badge badge--${standing.tone}`} data-standing={standing.label}>
      <span className="visually-hidden">State: </span>
      {standing.label}
    </span>
  );
}

/** The deadline with days left or overdue while an answer is owed. */
export function Deadline({ statement, today }: { statement: Tracked; today: string }) {
  if (statement.deadline === null) return <span className="muted">None</span>;
  const note = statement.owed ? deadlineNote(statement.deadline, today) : null;
  return (
    <>
      <time dateTime={statement.deadline}>{statement.deadline}</time>
      {note && (
        <span
          className={`statement__deadline-note${note.overdue ? ' statement__overdue' : ''}`}
          data-overdue={note.overdue ? 'true' : undefined}
        >
          {' '}
          ({note.text})
        </span>
      )}
    </>
  );
}
