import { describe, expect, it } from 'vitest';
import { CSV_EOL, csvCell, csvRow, guardFormula, toCsv } from '../src/csv.js';

describe('csvCell', () => {
  it('leaves plain values alone', () => {
    expect(csvCell('document.create')).toBe('document.create');
    expect(csvCell('admin@ofa.example')).toBe('admin@ofa.example');
    expect(csvCell('')).toBe('');
  });

  it('writes null and undefined as empty cells, numbers and booleans as text', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
  });

  it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell('"')).toBe('""""');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
  ])('neutralizes the formula trigger in %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('guards and quotes a malicious cell that needs both', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('only looks at the first character', () => {
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula(' =1')).toBe(' =1');
    expect(guardFormula('x@y.example')).toBe('x@y.example');
  });
});

describe('csvRow and toCsv', () => {
  it('join cells with commas and end records with CRLF', () => {
    expect(csvRow(['a', 'b,c', null, '=x'])).toBe(`a,"b,c",,'=x${CSV_EOL}`);
    expect(CSV_EOL).toBe('\r\n');
  });

  it('writes a header and rows that a CSV parser reads back', () => {
    const csv = toCsv(
      ['id', 'title'],
      [
        ['1', 'Plain'],
        ['2', 'With "quotes", commas\nand lines'],
      ],
    );
    expect(csv).toBe('id,title\r\n1,Plain\r\n2,"With ""quotes"", commas\nand lines"\r\n');
    expect(parseCsv(csv)).toEqual([
      ['id', 'title'],
      ['1', 'Plain'],
      ['2', 'With "quotes", commas\nand lines'],
    ]);
  });
});

/** A small RFC 4180 reader, to check that what we write round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
