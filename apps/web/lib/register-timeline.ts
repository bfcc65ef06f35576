/**
 * Where everything goes in the milestone timeline picture: a vertical axis with one row per
 * milestone, dated ones in time order, then the undated ones (the register's "?") as open items
 * at the end behind a dashed stretch of axis, and a "today" mark where today falls. Pure: the SVG
 * component only draws what this computes, so the layout is tested without a browser.
 */

import { formatCalendarDate } from './format';
import { parseCalendarDate, utcDate } from './register-review';
import { isOpenText, type Period, parseTimeframe } from './register-timeframe';

export type MilestoneState = 'planned' | 'done' | 'dropped';

export interface TimelineMilestone {
  id: string;
  deliverable: string;
  timeframe: string;
  state: MilestoneState;
  doneOn?: string | null;
  /** The register leaves it open ("?"). */
  open?: boolean;
}

/** How a row's marker is drawn: each state has its own shape, never told by colour alone. */
export type MarkerKind = 'done' | 'planned' | 'dropped' | 'open';

export interface TextLine {
  text: string;
  y: number;
}

export interface TimelineRow {
  id: string;
  kind: MarkerKind;
  /** The marker's centre on the axis. */
  markerY: number;
  /** "Oct 2018", or "Timeframe open" for "?". */
  timeframe: TextLine;
  /** The deliverable, wrapped to the width. */
  lines: TextLine[];
  /** "Done 12 October 2018", "Planned", "Planned, its timeframe has passed", "Dropped", … */
  status: TextLine;
  /** A planned milestone whose timeframe ended before today. */
  late: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisX: number;
  textX: number;
  markerRadius: number;
  /** The solid axis, from the first marker to the last dated one (or today). */
  axis: { y1: number; y2: number };
  /** The dashed stretch that leads to the open items, if there are any. */
  openAxis: { y1: number; y2: number } | null;
  today: { y: number; label: string };
  rows: TimelineRow[];
  /** One sentence per milestone, for the picture's <desc>. */
  description: string;
  counts: Record<MarkerKind, number>;
}

export interface LayoutOptions {
  /** The picture's width in SVG units (its viewBox); the text wraps to fit it. */
  width: number;
  now?: Date;
}

export const FONT_SIZE = 15;
export const SMALL_FONT_SIZE = 13;
const LINE_HEIGHT = 20;
const SMALL_LINE_HEIGHT = 18;
const ROW_GAP = 22;
const PADDING = 16;
const MARKER_RADIUS = 10;
const AXIS_X = 24;
const TEXT_X = 48;
const TODAY_HEIGHT = 30;
/** A generous average glyph width for the sans-serif text, in ems, so lines never overflow. */
const GLYPH_EM = 0.56;

/** Splits text into lines of at most `maxChars` characters, breaking overlong words. */
export function wrapText(text: string, maxChars: number): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (const raw of text.trim().split(/\s+/)) {
    let word = raw;
    if (!word) continue;
    while (word.length > limit) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, limit));
      word = word.slice(limit);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= limit) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Placed {
  milestone: TimelineMilestone;
  period: Period | null;
  index: number;
}

/** Dated milestones by the start of their period (done ones without one by their date done). */
function periodOf(milestone: TimelineMilestone): Period | null {
  const period = parseTimeframe(milestone.timeframe);
  if (period) return period;
  const done = milestone.doneOn ? parseCalendarDate(milestone.doneOn) : null;
  return done === null ? null : { start: done, end: done + 24 * 60 * 60 * 1000 };
}

/** Dated milestones first, by period then by the register's order; then the undated ones. */
export function orderMilestones<T extends TimelineMilestone>(milestones: readonly T[]): T[] {
  const placed: Placed[] = milestones.map((milestone, index) => ({
    milestone,
    period: periodOf(milestone),
    index,
  }));
  placed.sort((a, b) => {
    if (a.period && b.period) return a.period.start - b.period.start || a.index - b.index;
    if (a.period) return -1;
    if (b.period) return 1;
    return a.index - b.index;
  });
  return placed.map((entry) => entry.milestone as T);
}

function statusText(
  milestone: TimelineMilestone,
  kind: MarkerKind,
  dated: boolean,
  late: boolean,
): string {
  if (kind === 'done') {
    const when = milestone.doneOn ? formatCalendarDate(milestone.doneOn) : null;
    return when ? `Done ${when}` : 'Done';
  }
  if (kind === 'dropped') return 'Dropped';
  if (kind === 'open') return dated ? 'Open item' : 'Open: no timeframe set';
  return late ? 'Planned, its timeframe has passed' : 'Planned';
}

function kindOf(milestone: TimelineMilestone, dated: boolean): MarkerKind {
  if (milestone.state === 'done') return 'done';
  if (milestone.state === 'dropped') return 'dropped';
  return dated && !milestone.open ? 'planned' : 'open';
}

export function deliverableText(milestone: TimelineMilestone): string {
  return isOpenText(milestone.deliverable)
    ? 'Deliverable not named yet (?)'
    : milestone.deliverable;
}

export function timeframeText(milestone: TimelineMilestone): string {
  return isOpenText(milestone.timeframe) ? 'Timeframe open (?)' : milestone.timeframe.trim();
}

export function layoutTimeline(
  milestones: readonly TimelineMilestone[],
  { width, now = new Date() }: LayoutOptions,
): TimelineLayout {
  const today = parseCalendarDate(utcDate(now))!;
  const maxChars = (width - TEXT_X - PADDING) / (FONT_SIZE * GLYPH_EM);
  const ordered = orderMilestones(milestones);
  const counts: Record<MarkerKind, number> = { done: 0, planned: 0, dropped: 0, open: 0 };
  const rows: TimelineRow[] = [];
  const sentences: string[] = [];
  let y = PADDING;
  let todayY: number | null = null;
  let lastDatedY: number | null = null;
  let firstOpenY: number | null = null;
  const todayLabel = `Today, ${formatCalendarDate(utcDate(now))}`;

  for (const milestone of ordered) {
    const period = periodOf(milestone);
    if (todayY === null && (!period || period.start > today)) {
      todayY = y + TODAY_HEIGHT / 2 - 4;
      y += TODAY_HEIGHT;
    }
    const kind = kindOf(milestone, period !== null);
    const late = kind === 'planned' && period !== null && period.end <= today;
    counts[kind] += 1;

    const timeframe = timeframeText(milestone);
    const deliverable = deliverableText(milestone);
    const status = statusText(milestone, kind, period !== null, late);
    const top = y;
    const timeframeLine: TextLine = { text: timeframe, y: top + SMALL_FONT_SIZE };
    const lines = wrapText(deliverable, maxChars).map((text, index) => ({
      text,
      y: top + SMALL_LINE_HEIGHT + FONT_SIZE + index * LINE_HEIGHT,
    }));
    const statusY = top + SMALL_LINE_HEIGHT + lines.length * LINE_HEIGHT + SMALL_FONT_SIZE + 2;
    const markerY = top + SMALL_LINE_HEIGHT + FONT_SIZE / 2 - 1;
    rows.push({
      id: milestone.id,
      kind,
      markerY,
      timeframe: timeframeLine,
      lines,
      status: { text: status, y: statusY },
      late,
    });
    sentences.push(`${timeframe}: ${deliverable}. ${status}.`);
    if (period) lastDatedY = markerY;
    else if (firstOpenY === null) firstOpenY = markerY;
    y = statusY + ROW_GAP;
  }
  if (todayY === null) {
    todayY = y + TODAY_HEIGHT / 2 - 4;
    y += TODAY_HEIGHT;
  }

  const firstY = rows[0]?.markerY ?? todayY;
  const solidEnd = Math.max(lastDatedY ?? firstY, todayY);
  const lastY = rows.at(-1)?.markerY ?? todayY;
  const summary = [
    `${rows.length} milestone${rows.length === 1 ? '' : 's'}`,
    `${counts.done} done`,
    `${counts.planned} planned`,
    `${counts.dropped} dropped`,
    `${counts.open} open`,
  ].join(', ');

  return {
    width,
    height: Math.ceil(y - ROW_GAP + PADDING),
    axisX: AXIS_X,
    textX: TEXT_X,
    markerRadius: MARKER_RADIUS,
    axis: { y1: Math.min(firstY, todayY), y2: solidEnd },
    openAxis: firstOpenY === null ? null : { y1: solidEnd, y2: lastY },
    today: { y: todayY, label: todayLabel },
    rows,
    description: [`${summary}.`, ...sentences, `${todayLabel}.`].join(' '),
    counts,
  };
}
