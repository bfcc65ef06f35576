/**
 * CSV writing (RFC 4180) for exports that people open in spreadsheets (the audit log in the web
 * app, the resolution log of a review in the API).
 *
 * Spreadsheet programs treat a cell that starts with `=`, `+`, `-` or `@` (and, in some of them,
 * a tab or carriage return) as a formula, so a value an attacker controls, such as an e-mail
 * address or a document title, could run as one ("CSV injection"). Such cells get a leading
 * apostrophe, which spreadsheets show as plain text.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Characters that force a cell to be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/** Line ending RFC 4180 prescribes (and Excel expects). */
export const CSV_EOL = '\r\n';

/** Written first so Excel reads the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** Neutralizes a value a spreadsheet would run as a formula. */
export function guardFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/** One cell: formula-guarded, then quoted if it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans we write ourselves are data, not text someone typed.
  const text = typeof value === 'string' ? guardFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending with CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_EOL;
}

/** A whole document (no BOM): a header row and the records. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}
