import type { MemoryReport } from './memory.js';

/** One timed transfer, with the CPU time each process spent on it. */
export interface Measured {
  seconds: number;
  /** CPU seconds of the API process. */
  apiCpu: number;
  /** CPU seconds of the bench process: s3rver and the client. */
  benchCpu: number;
}

export interface TransferRow {
  what: string;
  measured: Measured;
  baselineName: string;
  baseline: Measured;
  /** Judged against the transfer target (PASS/FAIL); otherwise shown for information. */
  judged: boolean;
}

export interface MemoryRow {
  what: string;
  memory: MemoryReport;
  judged: boolean;
}

export interface LoadRow {
  what: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export const TRANSFER_RATIO_TARGET = 0.8;
export const MEMORY_GROWTH_TARGET_MIB = 100;

const passFail = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const f1 = (n: number) => n.toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}

/** The results as Markdown tables (so they can be pasted into the README as printed). */
export function renderReport(input: {
  title: string;
  fileMiB: number;
  transfers: TransferRow[];
  memory: MemoryRow[];
  documents: number;
  concurrency: number;
  loads: LoadRow[];
}): { text: string; passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  const verdict = (ok: boolean) => {
    if (ok) passed += 1;
    else failed += 1;
    return passFail(ok);
  };

  const rate = (m: Measured) => input.fileMiB / m.seconds;
  const transfers = table(
    [`${input.fileMiB} MiB file`, 'measured', 'baseline', 'ratio', 'target', ''],
    input.transfers.map((row) => {
      const ratio = rate(row.measured) / rate(row.baseline);
      return [
        row.what,
        `${f1(rate(row.measured))} MiB/s (${f1(row.measured.seconds)} s)`,
        `${row.baselineName} ${f1(rate(row.baseline))} MiB/s (${f1(row.baseline.seconds)} s)`,
        ratio.toFixed(2),
        row.judged ? `≥ ${TRANSFER_RATIO_TARGET.toFixed(2)}` : 'info',
        row.judged ? verdict(ratio >= TRANSFER_RATIO_TARGET) : '',
      ];
    }),
  );

  const cpu = table(
    ['CPU seconds', 'API process', 'bench process (s3rver + client)', 'baseline: bench process'],
    input.transfers.map((row) => [
      row.what,
      f1(row.measured.apiCpu),
      f1(row.measured.benchCpu),
      f1(row.baseline.benchCpu),
    ]),
  );

  const memory = table(
    ['API resident memory', 'before', 'peak: sampled / kernel VmHWM', 'growth', 'target', ''],
    input.memory.map(({ what, memory: m, judged }) => [
      what,
      `${f1(m.baselineMiB)} MiB`,
      `${f1(m.sampledPeakMiB)} / ${m.hwmPeakMiB === undefined ? 'n/a' : f1(m.hwmPeakMiB)} MiB (${m.samples} samples)`,
      `+${f1(m.growthMiB)} MiB`,
      judged ? `< ${MEMORY_GROWTH_TARGET_MIB} MiB` : 'info',
      judged ? verdict(m.growthMiB < MEMORY_GROWTH_TARGET_MIB) : '',
    ]),
  );

  const baseline = input.loads[0]!;
  const loads = table(
    [
      `${input.documents.toLocaleString('en-US')} documents, ${input.concurrency} concurrent`,
      'requests/s',
      'p50',
      'p99',
      'vs baseline',
    ],
    input.loads.map((row) => [
      `${row.what} (${row.requests} requests)`,
      row.requestsPerSecond.toFixed(0),
      `${row.p50Ms.toFixed(1)} ms`,
      `${row.p99Ms.toFixed(1)} ms`,
      row === baseline
        ? 'baseline'
        : (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
    ]),
  );

  const summary = `${passed} target(s) met, ${failed} missed${failed > 0 ? ' (reported, not fatal: the machine is noisy)' : ''}`;
  return {
    text: [input.title, '', transfers, '', cpu, '', memory, '', loads, '', summary].join('\n'),
    passed,
    failed,
  };
}
