import type { Visibility } from '@liaison/core';
import {
  capitalize,
  statusLabel,
  VISIBILITY_DESCRIPTIONS,
  visibilityLabel,
} from '../../lib/format';
import { describeReview, type ReviewState, reviewState } from '../../lib/register-review';
import { CalendarDate } from './dates';
import styles from './registers.module.css';

/** Who can see a document, in words (never colour alone). */
export function VisibilityBadge({ visibility }: { visibility: Visibility | string }) {
  const tone =
    visibility === 'public'
      ? styles.success
      : visibility === 'partners'
        ? styles.partners
        : styles.warning;
  const hint = (VISIBILITY_DESCRIPTIONS as Record<string, string>)[visibility];
  return (
    <span className={`${styles.badge} ${tone}`} title={hint}>
      <span className="visually-hidden">Visibility: </span>
      {visibilityLabel(visibility)}
    </span>
  );
}

export function StatusText({ status }: { status: string }) {
  return <span className={styles.nowrap}>{statusLabel(status)}</span>;
}

export function RegisterStateBadge({ state }: { state: string }) {
  const tone =
    state === 'approved' ? styles.success : state === 'draft' ? styles.warning : styles.neutral;
  return (
    <span className={`${styles.badge} ${tone}`}>
      <span className="visually-hidden">State: </span>
      {capitalize(state)}
    </span>
  );
}

/**
 * The review date, with "Overdue" once it has passed and "Due soon" within 30 days. Shown once: as
 * the register writes it ("March 2020") when it does, else as the calendar date.
 */
export function ReviewDue({
  value,
  asWritten = '',
  now = new Date(),
}: {
  value: string | null | undefined;
  asWritten?: string;
  now?: Date;
}) {
  const state: ReviewState = reviewState(value, now);
  const written = asWritten.trim();
  if (state.kind === 'none' || state.kind === 'invalid') {
    return written ? <span>{written}</span> : <CalendarDate value={value} />;
  }
  return (
    <span className={styles.review}>
      {written ? <time dateTime={state.due}>{written}</time> : <CalendarDate value={state.due} />}
      {state.kind === 'overdue' && (
        <span className={`${styles.badge} ${styles.overdue}`} title={describeReview(state)}>
          Overdue<span className="visually-hidden"> by {describeDays(state.days)}</span>
        </span>
      )}
      {(state.kind === 'due-soon' || state.kind === 'due-today') && (
        <span className={`${styles.badge} ${styles.warning}`}>{describeReview(state)}</span>
      )}
    </span>
  );
}

function describeDays(days: number): string {
  return `${days.toLocaleString('en-GB')} day${days === 1 ? '' : 's'}`;
}
