import { describe, expect, it } from 'vitest';
import {
  createReporter,
  formatBytes,
  formatDuration,
  progressBar,
  progressLine,
  summaryLine,
} from '../src/progress.js';

const MiB = 1024 * 1024;

describe('progress formatting', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(200 * MiB)).toBe('200.0 MiB');
    expect(formatBytes(1.25 * 1024 * MiB)).toBe('1.25 GiB');
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7.4)).toBe('0:07');
    expect(formatDuration(750)).toBe('12:30');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('draws a bar with bytes, rate and ETA that fits the terminal', () => {
    const state = { transferred: 50 * MiB, total: 200 * MiB, rate: 25 * MiB };
    const line = progressBar('push spec.pdf', state, 100);
    expect(line).toContain('25%');
    expect(line).toContain('50.0 MiB / 200.0 MiB');
    expect(line).toContain('25.0 MiB/s');
    expect(line).toContain('ETA 0:06');
    expect(line).toMatch(/\[#+-+\]/);
    expect(line.length).toBeLessThan(100);
    // A narrow terminal shortens the name, never the numbers.
    const narrow = progressBar('push a-very-long-file-name-indeed.pdf', state, 60);
    expect(narrow.length).toBeLessThan(60);
    expect(narrow).toContain('ETA 0:06');
  });

  it('says so when the rate is not known yet', () => {
    const state = { transferred: 0, total: 10, rate: undefined };
    expect(progressLine('pull x', state)).toBe('pull x: 0% (0 B / 10 B), --, ETA --:--');
  });

  it('sums up a transfer', () => {
    expect(summaryLine('push x', 200 * MiB, 4)).toBe('push x: 200.0 MiB in 0:04 (50.0 MiB/s)');
  });
});

describe('the progress reporter', () => {
  /**
   * A reporter of `name` writing into `written` (a terminal or not), on a clock that `updateAt`
   * sets before it reports how many bytes have gone.
   */
  function reporterOn(isTTY: boolean, name: string, total: number, start: number) {
    const written: string[] = [];
    const stream = {
      isTTY,
      columns: 80,
      write: (text: string) => written.push(text) > 0,
    } as unknown as NodeJS.WriteStream;
    let clock = 0;
    const reporter = createReporter(stream, name, total, start, () => clock);
    const updateAt = (ms: number, bytes: number) => {
      clock = ms;
      reporter.update(bytes);
    };
    return { reporter, written, updateAt };
  }

  it('prints a plain line at each tenth when the output is not a terminal', () => {
    const { reporter, written, updateAt } = reporterOn(false, 'push f', 100, 0);
    for (let bytes = 1; bytes <= 100; bytes += 1) updateAt(bytes * 100, bytes);
    reporter.done();
    expect(
      written.filter((line) => line.startsWith('push f: ') && line.includes('%')),
    ).toHaveLength(9);
    expect(written[0]).toMatch(/^push f: 10% \(10 B \/ 100 B\), 10 B\/s, ETA 0:09\n$/);
    expect(written.at(-1)).toBe('push f: 100 B in 0:10 (10 B/s)\n');
    expect(written.join('')).not.toContain('\r');
  });

  it('redraws one line in place on a terminal, and counts a resumed start toward the bar only', () => {
    const { reporter, written, updateAt } = reporterOn(true, 'pull f', 100, 50);
    updateAt(1000, 60);
    updateAt(2000, 70);
    reporter.done();
    expect(written[0]?.startsWith('\r')).toBe(true);
    expect(written[0]?.endsWith('\u001b[K')).toBe(true);
    expect(written[0]).toMatch(/60%.*10 B\/s.*ETA 0:04/);
    expect(written.at(-1)).toBe('pull f: 20 B in 0:02 (10 B/s)\n');
  });

  it('draws nothing more once the transfer failed, and ends the line on a terminal', () => {
    const { reporter, written, updateAt } = reporterOn(true, 'push f', 100, 0);
    updateAt(1000, 10);
    reporter.abort();
    updateAt(2000, 20);
    expect(written).toHaveLength(2);
    expect(written[1]).toBe('\n');
  });
});
