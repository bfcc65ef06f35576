import { formatCalendarDate, formatDateTime, formatShortDate } from './format';

/** An ISO calendar date (YYYY-MM-DD), readably; "Not set" when missing. */
export function CalendarDate({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">Not set</span>;
  const text = formatCalendarDate(value);
  return text ? <time dateTime={value}>{text}</time> : <span>{value}</span>;
}

/** A timestamp as a short date, with the exact time (UTC) as a tooltip. */
export function ShortDate({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  const text = formatShortDate(value);
  return text ? (
    <time dateTime={value} title={formatDateTime(value) ?? undefined}>
      {text}
    </time>
  ) : (
    <span>{value}</span>
  );
}

/** A timestamp with date and time (UTC). */
export function DateTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">Never</span>;
  const text = formatDateTime(value);
  return text ? <time dateTime={value}>{text}</time> : <span>{value}</span>;
}
