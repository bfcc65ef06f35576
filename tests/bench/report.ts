/** A part of the bench's report: Markdown tables, with the targets it met and missed. */
export interface Section {
  text: string;
  passed: number;
  failed: number;
}

/** Counts the targets a section judges, and prints each verdict. */
export class Verdicts {
  passed = 0;
  failed = 0;

  judge(ok: boolean): string {
    if (ok) this.passed += 1;
    else this.failed += 1;
    return ok ? 'PASS' : 'FAIL';
  }

  section(...tables: string[]): Section {
    return { text: tables.join('\n\n'), passed: this.passed, failed: this.failed };
  }
}

/** A section that prints what it measured and judges no target. */
export function printed(text: string): Section {
  return { text, passed: 0, failed: 0 };
}

/** A Markdown table, padded so it also reads as plain text. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}

/** The whole report as printed (so it can be pasted into the README as it is). */
export function renderReport(title: string, sections: readonly Section[]): string {
  const passed = sections.reduce((sum, s) => sum + s.passed, 0);
  const failed = sections.reduce((sum, s) => sum + s.failed, 0);
  const summary = `${passed} target(s) met, ${failed} missed${failed > 0 ? ' (reported, not fatal: the machine is noisy)' : ''}`;
  return [title, ...sections.map((s) => s.text), summary].join('\n\n');
}
