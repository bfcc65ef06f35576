import { describe, expect, it } from 'vitest';
import { isOpenText, parseTimeframe } from '../lib/register-timeframe';
import {
  layoutTimeline,
  orderMilestones,
  type TimelineMilestone,
  wrapText,
} from '../lib/register-timeline';

const NOW = new Date('2026-11-27T10:00:00Z');

/** The OFA/DMTF register's milestones as the seed text has them. */
const SEEDED: TimelineMilestone[] = [
  {
    id: 'm1',
    deliverable: 'DMTF and OFA approves of Work Register',
    timeframe: 'Oct 2018',
    state: 'done',
    doneOn: '2018-10-16',
  },
  {
    id: 'm2',
    deliverable: 'DMTF announces OFA as a new alliance partner and publish work register',
    timeframe: 'Oct 2018',
    state: 'planned',
  },
  { id: 'm3', deliverable: '', timeframe: '?', state: 'planned' },
];

describe('parseTimeframe', () => {
  const period = (text: string) => {
    const found = parseTimeframe(text);
    return found && [new Date(found.start).toISOString(), new Date(found.end).toISOString()];
  };

  it('reads the ways registers write timeframes', () => {
    expect(period('Oct 2018')).toEqual(['2018-10-01T00:00:00.000Z', '2018-11-01T00:00:00.000Z']);
    expect(period('October 2018')).toEqual(period('Oct 2018'));
    expect(period('Sept. 2018')?.[0]).toBe('2018-09-01T00:00:00.000Z');
    expect(period('March 2020')?.[0]).toBe('2020-03-01T00:00:00.000Z');
    expect(period('Q4 2019')).toEqual(['2019-10-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z']);
    expect(period('H1 2019')).toEqual(['2019-01-01T00:00:00.000Z', '2019-07-01T00:00:00.000Z']);
    expect(period('2019')).toEqual(['2019-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z']);
    expect(period('2018-10')?.[0]).toBe('2018-10-01T00:00:00.000Z');
    expect(period('2018-10-16')).toEqual(['2018-10-16T00:00:00.000Z', '2018-10-17T00:00:00.000Z']);
    expect(period('09/13/2018')?.[0]).toBe('2018-09-13T00:00:00.000Z');
    expect(period('10/2018')?.[0]).toBe('2018-10-01T00:00:00.000Z');
    expect(period('13 Sep 2018')?.[0]).toBe('2018-09-13T00:00:00.000Z');
    expect(period('Sep 13, 2018')?.[0]).toBe('2018-09-13T00:00:00.000Z');
    expect(period('  oct   2018 ')?.[0]).toBe('2018-10-01T00:00:00.000Z');
  });

  it('reads text that names no real period as undated', () => {
    for (const text of ['?', '', 'after approval', 'Octember 2018', '2018-13', '02/30/2019']) {
      expect(parseTimeframe(text), text).toBeNull();
    }
    expect(parseTimeframe(null)).toBeNull();
  });
});

describe('isOpenText', () => {
  it('knows the register’s gaps', () => {
    for (const text of ['?', ' ?? ', '…?', '', 'TBD', null]) expect(isOpenText(text)).toBe(true);
    for (const text of ['Oct 2018', 'What?', 'n/a please']) expect(isOpenText(text)).toBe(false);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries within the limit', () => {
    expect(wrapText('DMTF announces OFA as a new alliance partner', 20)).toEqual([
      'DMTF announces OFA',
      'as a new alliance',
      'partner',
    ]);
    expect(wrapText('  short  ', 20)).toEqual(['short']);
    expect(wrapText('', 20)).toEqual([]);
  });

  it('breaks words longer than a line', () => {
    expect(wrapText('see https://example.org/a/very/long/path', 12)).toEqual([
      'see',
      'https://exam',
      'ple.org/a/ve',
      'ry/long/path',
    ]);
    for (const line of wrapText('a'.repeat(50), 7)) expect(line.length).toBeLessThanOrEqual(7);
  });
});

describe('orderMilestones', () => {
  it('puts dated milestones in time order, keeps ties in register order, undated last', () => {
    const order = orderMilestones([
      { id: 'open-1', deliverable: 'x', timeframe: '?', state: 'planned' },
      { id: '2019', deliverable: 'x', timeframe: 'Q1 2019', state: 'planned' },
      { id: 'oct-a', deliverable: 'x', timeframe: 'Oct 2018', state: 'planned' },
      { id: 'open-2', deliverable: 'x', timeframe: 'later', state: 'planned' },
      { id: 'oct-b', deliverable: 'x', timeframe: 'October 2018', state: 'done' },
      { id: 'done-undated', deliverable: 'x', timeframe: '?', state: 'done', doneOn: '2018-01-05' },
    ]).map((m) => m.id);
    expect(order).toEqual(['done-undated', 'oct-a', 'oct-b', '2019', 'open-1', 'open-2']);
  });
});

describe('layoutTimeline', () => {
  it('lays out the seeded register: two dated milestones, today, then the open one', () => {
    const layout = layoutTimeline(SEEDED, { width: 640, now: NOW });
    expect(layout.rows.map((row) => [row.id, row.kind])).toEqual([
      ['m1', 'done'],
      ['m2', 'planned'],
      ['m3', 'open'],
    ]);
    const [done, planned, open] = layout.rows;
    expect(done?.status.text).toBe('Done 16 October 2018');
    expect(planned?.status.text).toBe('Planned, its timeframe has passed');
    expect(planned?.late).toBe(true);
    expect(open?.timeframe.text).toBe('Timeframe open (?)');
    expect(open?.lines.map((line) => line.text)).toEqual(['Deliverable not named yet (?)']);
    expect(open?.status.text).toBe('Open: no timeframe set');
    expect(layout.counts).toEqual({ done: 1, planned: 1, dropped: 0, open: 1 });

    // Today falls after October 2018 and before the open item; the axis is dashed from there on.
    expect(layout.today.label).toBe('Today, 27 November 2026');
    expect(layout.today.y).toBeGreaterThan(planned!.status.y);
    expect(layout.today.y).toBeLessThan(open!.timeframe.y);
    expect(layout.axis).toEqual({ y1: done!.markerY, y2: layout.today.y });
    expect(layout.openAxis).toEqual({ y1: layout.today.y, y2: open!.markerY });

    expect(layout.description).toBe(
      '3 milestones, 1 done, 1 planned, 0 dropped, 1 open. ' +
        'Oct 2018: DMTF and OFA approves of Work Register. Done 16 October 2018. ' +
        'Oct 2018: DMTF announces OFA as a new alliance partner and publish work register. ' +
        'Planned, its timeframe has passed. ' +
        'Timeframe open (?): Deliverable not named yet (?). Open: no timeframe set. ' +
        'Today, 27 November 2026.',
    );
  });

  it('keeps every row below the one before it and inside the picture', () => {
    for (const width of [360, 720]) {
      const layout = layoutTimeline(SEEDED, { width, now: NOW });
      let bottom = 0;
      for (const row of layout.rows) {
        expect(row.timeframe.y).toBeGreaterThan(bottom);
        const ys = [row.timeframe.y, ...row.lines.map((line) => line.y), row.status.y];
        expect([...ys].sort((a, b) => a - b)).toEqual(ys);
        expect(row.markerY).toBeGreaterThan(row.timeframe.y);
        bottom = row.status.y;
      }
      expect(layout.height).toBeGreaterThan(bottom);
    }
  });

  it('wraps the deliverable to the width: more lines when narrow', () => {
    const wide = layoutTimeline(SEEDED, { width: 720, now: NOW });
    const narrow = layoutTimeline(SEEDED, { width: 360, now: NOW });
    expect(wide.rows[1]?.lines).toHaveLength(1);
    expect(narrow.rows[1]?.lines.length).toBeGreaterThan(1);
    // 15-unit text at a generous 0.56 em a glyph, from x=48 with 16 to spare.
    const maxChars = Math.floor((360 - 48 - 16) / (15 * 0.56));
    for (const line of narrow.rows.flatMap((row) => row.lines)) {
      expect(line.text.length).toBeLessThanOrEqual(maxChars);
    }
    expect(narrow.height).toBeGreaterThan(wide.height);
  });

  it('puts today before future milestones and shows dropped ones as dropped', () => {
    const layout = layoutTimeline(
      [
        { id: 'future', deliverable: 'Joint plugfest', timeframe: 'Q2 2027', state: 'planned' },
        { id: 'gone', deliverable: 'Joint webinar', timeframe: '2019', state: 'dropped' },
      ],
      { width: 640, now: NOW },
    );
    expect(layout.rows.map((row) => row.id)).toEqual(['gone', 'future']);
    const [gone, future] = layout.rows;
    expect(gone?.kind).toBe('dropped');
    expect(gone?.status.text).toBe('Dropped');
    expect(future?.kind).toBe('planned');
    expect(future?.late).toBe(false);
    expect(future?.status.text).toBe('Planned');
    expect(layout.today.y).toBeGreaterThan(gone!.status.y);
    expect(layout.today.y).toBeLessThan(future!.timeframe.y);
    expect(layout.axis).toEqual({ y1: gone!.markerY, y2: future!.markerY });
    expect(layout.openAxis).toBeNull();
  });

  it('draws only today when there are no milestones', () => {
    const layout = layoutTimeline([], { width: 640, now: NOW });
    expect(layout.rows).toEqual([]);
    expect(layout.openAxis).toBeNull();
    expect(layout.height).toBeGreaterThan(layout.today.y);
    expect(layout.description).toBe(
      '0 milestones, 0 done, 0 planned, 0 dropped, 0 open. Today, 27 November 2026.',
    );
  });
});

describe('layoutTimeline and open milestones', () => {
  it('draws a dated milestone the register leaves open as open, in its place in time', () => {
    const layout = layoutTimeline(
      [
        { id: 'open', deliverable: '', timeframe: 'Q1 2019', state: 'planned', open: true },
        { id: 'done', deliverable: 'Approve', timeframe: 'Oct 2018', state: 'done' },
      ],
      { width: 720, now: NOW },
    );
    expect(layout.rows.map((row) => [row.id, row.kind, row.status.text])).toEqual([
      ['done', 'done', 'Done'],
      ['open', 'open', 'Open item'],
    ]);
    expect(layout.openAxis).toBeNull();
  });
});
