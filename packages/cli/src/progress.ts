import { terminalSafe } from './terminal-text.js';

/** Progress of a transfer: pure formatting, and a reporter that draws it on a terminal or as lines. */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** 512 B, 1.5 KiB, 200.0 MiB, 1.25 GiB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit >= 2 ? 2 : 1)} ${UNITS[unit]}`;
}

/** 0:07, 12:30, 1:02:03 */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface ProgressState {
  transferred: number;
  total: number;
  /** Recent bytes per second; undefined until there is enough to tell. */
  rate: number | undefined;
}

function parts(state: ProgressState) {
  const fraction = state.total > 0 ? Math.min(1, state.transferred / state.total) : 1;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const bytes = `${formatBytes(state.transferred)} / ${formatBytes(state.total)}`;
  const rate = state.rate === undefined ? '--' : `${formatBytes(Math.round(state.rate))}/s`;
  const remaining = state.total - state.transferred;
  const eta =
    state.rate === undefined || state.rate <= 0 ? '--:--' : formatDuration(remaining / state.rate);
  return { fraction, percent, bytes, rate, eta };
}

/** The terminal line: `name [#####-----]  45%  90.0 MiB / 200.00 MiB  85.3 MiB/s  ETA 0:02`, fitted to `width`. */
export function progressBar(label: string, state: ProgressState, width: number): string {
  const { fraction, percent, bytes, rate, eta } = parts(state);
  const tail = ` ${percent}  ${bytes}  ${rate}  ETA ${eta}`;
  // The numbers always show; the bar and then the name give way on a narrow terminal.
  const room = width - 1 - tail.length;
  let barWidth = Math.min(40, Math.floor(room / 2) - 2);
  let nameWidth = room - barWidth - 3;
  if (nameWidth < 4) {
    barWidth = room - 2;
    nameWidth = 0;
  }
  const name =
    nameWidth === 0
      ? ''
      : `${label.length > nameWidth ? `${label.slice(0, nameWidth - 1)}…` : label} `;
  if (barWidth < 5) return tail.trimStart();
  const filled = Math.round(fraction * barWidth);
  return `${name}[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`;
}

/** A plain line for logs: `name: 40% (80.0 MiB / 200.00 MiB), 85.3 MiB/s, ETA 0:02` */
export function progressLine(label: string, state: ProgressState): string {
  const { percent, bytes, rate, eta } = parts(state);
  return `${label}: ${percent.trim()} (${bytes}), ${rate}, ETA ${eta}`;
}

/** The closing line: `name: 200.00 MiB in 2:31 (1.32 MiB/s)` */
export function summaryLine(label: string, bytes: number, seconds: number): string {
  const rate = seconds > 0 ? `${formatBytes(Math.round(bytes / seconds))}/s` : '--';
  return `${label}: ${formatBytes(bytes)} in ${formatDuration(seconds)} (${rate})`;
}

const RATE_WINDOW_MS = 5_000;
const REDRAW_MS = 100;
const LINE_STEP = 0.1;

export interface Reporter {
  update(transferred: number): void;
  /** Ends the bar (or prints the summary line). */
  done(): void;
  /** The transfer failed: end the bar's line, so the error starts on its own, and draw no more. */
  abort(): void;
}

/**
 * Draws progress on `stream`: a bar redrawn in place on a terminal, or a line at every tenth of
 * the way when the output is a log. `start` bytes were already there (a resumed download) and
 * count toward the bar but not toward the rate.
 */
export function createReporter(
  stream: NodeJS.WriteStream,
  label: string,
  total: number,
  start = 0,
  now: () => number = Date.now,
): Reporter {
  // The label may be a name from the server.
  const shown = terminalSafe(label);
  const began = now();
  const samples: Array<{ at: number; bytes: number }> = [{ at: began, bytes: start }];
  let transferred = start;
  let lastDraw = 0;
  let ended = false;
  let nextStep = Math.floor(start / Math.max(total, 1) / LINE_STEP + 1) * LINE_STEP;

  const rate = (at: number) => {
    while (samples.length > 2 && at - samples[1]!.at > RATE_WINDOW_MS) samples.shift();
    const first = samples[0]!;
    const seconds = (at - first.at) / 1000;
    return seconds >= 0.5 ? (transferred - first.bytes) / seconds : undefined;
  };
  const state = (at: number): ProgressState => ({ transferred, total, rate: rate(at) });

  return {
    update(bytes) {
      if (ended) return;
      transferred = bytes;
      const at = now();
      samples.push({ at, bytes });
      if (stream.isTTY) {
        if (at - lastDraw < REDRAW_MS) return;
        lastDraw = at;
        stream.write(`\r${progressBar(shown, state(at), stream.columns || 80)}\x1b[K`);
      } else if (total > 0 && transferred / total >= nextStep && transferred < total) {
        while (transferred / total >= nextStep) nextStep += LINE_STEP;
        stream.write(`${progressLine(shown, state(at))}\n`);
      }
    },
    done() {
      ended = true;
      const seconds = (now() - began) / 1000;
      if (stream.isTTY) stream.write('\r\x1b[K');
      stream.write(`${summaryLine(shown, transferred - start, seconds)}\n`);
    },
    abort() {
      if (ended) return;
      ended = true;
      if (stream.isTTY && lastDraw > 0) stream.write('\n');
    },
  };
}
