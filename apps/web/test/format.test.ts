import { describe, expect, it } from 'vitest';
import {
  excerpt,
  formatBytes,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  percentOf,
  progressText,
} from '../lib/format';
import { isCurrentSection } from '../lib/nav';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [773, '773 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [300 * 1024, '300 KiB'],
    [1024 ** 2 * 12.5, '13 MiB'],
    [1024 ** 2 * 9.94, '9.9 MiB'],
    [1024 ** 3, '1 GiB'],
    [5 * 1024 ** 4, '5 TiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('refuses nonsense', () => {
    expect(formatBytes(-1)).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
  });
});

describe('progress', () => {
  it('is a whole, clamped percentage', () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(2000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });

  it('reads as bytes of total with the percentage', () => {
    expect(progressText(512 * 1024 ** 2, 1024 ** 3)).toBe('512 MiB of 1 GiB (50 %)');
  });
});

describe('dates', () => {
  it('formats timestamps and calendar dates in UTC', () => {
    expect(formatDate('2026-11-27T23:59:16.427Z')).toBe('27 Nov 2026');
    expect(formatDate('2018-09-13')).toBe('13 Sept 2018');
    expect(formatDateTime('2026-11-27T11:59:16.427Z')).toMatch(/^27 Nov 2026, 11:59 UTC$/);
  });

  it('returns what it cannot parse as given', () => {
    expect(formatDate('soon')).toBe('soon');
  });

  it('spells out calendar dates and refuses impossible ones', () => {
    expect(formatCalendarDate('2018-09-13')).toBe('13 September 2018');
    expect(formatCalendarDate('2024-02-30')).toBeNull();
    expect(formatCalendarDate('2018-09-13T10:00:00Z')).toBeNull();
  });
});

describe('excerpt', () => {
  it('keeps short texts whole and collapses white space', () => {
    expect(excerpt('  A  short\n text. ')).toBe('A short text.');
  });

  it('cuts long texts at a word boundary with an ellipsis', () => {
    const text = `${'word '.repeat(60)}end`;
    const cut = excerpt(text, 50);
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(51);
  });
});

describe('domain helpers', () => {
  it('marks the navigation section of a path', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/documents/x', '/')).toBe(true);
    expect(isCurrentSection('/registers', '/')).toBe(false);
    expect(isCurrentSection('/registers/ofa-dmtf', '/registers')).toBe(true);
    expect(isCurrentSection('/registersx', '/registers')).toBe(false);
    expect(isCurrentSection('/admin', '/workspace')).toBe(false);
    // The submissions badge may lead to the incoming list; the whole section stays current.
    expect(isCurrentSection('/submissions', '/submissions/incoming')).toBe(true);
    expect(isCurrentSection('/submissions/new', '/submissions/incoming')).toBe(true);
  });
});
