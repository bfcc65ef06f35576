import { formatCalendarDate, formatDate, formatDateTime, parseDate } from '../../lib/format';

/** An ISO calendar date (YYYY-MM-DD), readably; "Not set" when missing. */
export function CalendarDate({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">Not set</span>;
  const text = formatCalendarDate(value);
  return text ? <time dateTime={value}>{text}</time> : <span>{value}</span>;
}

/** A timestamp as a short date, with the exact time (UTC) as a tooltip. */
export function ShortDate({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return parseDate(value) ? (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatDate(value)}
    </time>
  ) : (
    <span>{value}</span>
  );
}

/** A timestamp with date and time (UTC). */
export function DateTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">Never</span>;
  return parseDate(value) ? (
    <time dateTime={value}>{formatDateTime(value)}</time>
  ) : (
    <span>{value}</span>
  );
}
