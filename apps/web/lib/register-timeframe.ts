/**
 * A milestone's timeframe as the register writes it ("Oct 2018", "Q1 2019", "March 2020",
 * "09/13/2018", "?") read into a calendar period, so milestones can be put in order and drawn on
 * a timeline. Text that names no period (the register's "?", "after approval") reads as null: the
 * milestone is undated, and the page shows it as open.
 */

export interface Period {
  /** UTC midnight of the first day of the period. */
  start: number;
  /** UTC midnight of the day after the period's last day. */
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthIndex(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower in MONTHS) return MONTHS[lower] ?? null;
  const full = MONTH_NAMES.indexOf(lower);
  return full === -1 ? null : full;
}

function months(year: number, first: number, count: number): Period {
  return { start: Date.UTC(year, first, 1), end: Date.UTC(year, first + count, 1) };
}

function day(year: number, month: number, date: number): Period | null {
  const start = Date.UTC(year, month, date);
  const check = new Date(start);
  if (check.getUTCMonth() !== month || check.getUTCDate() !== date) return null;
  return { start, end: start + 24 * 60 * 60 * 1000 };
}

const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: [RegExp, (match: RegExpExecArray) => Period | null][] = [
  // 2018-10-15, 2018-10
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`), (m) => day(+m[1]!, +m[2]! - 1, +m[3]!)],
  [
    new RegExp(`^${YEAR}-(\\d{2})$`),
    (m) => (+m[2]! >= 1 && +m[2]! <= 12 ? months(+m[1]!, +m[2]! - 1, 1) : null),
  ],
  // 09/13/2018 (the register's US style), 10/2018
  [new RegExp(`^(\\d{1,2})/(\\d{1,2})/${YEAR}$`), (m) => day(+m[3]!, +m[1]! - 1, +m[2]!)],
  [
    new RegExp(`^(\\d{1,2})/${YEAR}$`),
    (m) => (+m[1]! >= 1 && +m[1]! <= 12 ? months(+m[2]!, +m[1]! - 1, 1) : null),
  ],
  // Q1 2019, H2 2019
  [new RegExp(`^q([1-4])\\s*${YEAR}$`, 'i'), (m) => months(+m[2]!, (+m[1]! - 1) * 3, 3)],
  [new RegExp(`^h([12])\\s*${YEAR}$`, 'i'), (m) => months(+m[2]!, (+m[1]! - 1) * 6, 6)],
  // Oct 2018, October 2018, Sept. 2018, 15 Oct 2018, Oct 15, 2018
  [
    new RegExp(`^([a-z]+\\.?)\\s+${YEAR}$`, 'i'),
    (m) => {
      const month = monthIndex(m[1]!);
      return month === null ? null : months(+m[2]!, month, 1);
    },
  ],
  [
    new RegExp(`^(\\d{1,2})\\s+([a-z]+\\.?)\\s+${YEAR}$`, 'i'),
    (m) => {
      const month = monthIndex(m[2]!);
      return month === null ? null : day(+m[3]!, month, +m[1]!);
    },
  ],
  [
    new RegExp(`^([a-z]+\\.?)\\s+(\\d{1,2}),?\\s+${YEAR}$`, 'i'),
    (m) => {
      const month = monthIndex(m[1]!);
      return month === null ? null : day(+m[3]!, month, +m[2]!);
    },
  ],
  // 2019
  [new RegExp(`^${YEAR}$`), (m) => months(+m[1]!, 0, 12)],
];

/** The calendar period a timeframe names, or null when it names none. */
export function parseTimeframe(text: string | null | undefined): Period | null {
  const value = (text ?? '').trim().replace(/\s+/g, ' ');
  if (!value) return null;
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(value);
    if (match) return read(match);
  }
  return null;
}

/** Whether the text leaves the value open: empty, or the register's "?" (also "…?", "TBD"). */
export function isOpenText(text: string | null | undefined): boolean {
  const value = (text ?? '').trim();
  return value === '' || /^[.…\s]*\?+$/.test(value) || /^(tbd|tba|n\/a)$/i.test(value);
}
