/** The median of some measurements and how far they spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  count: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, count: sorted.length };
}

/** `median (min–max)`, each with `digits` decimals. */
export function formatSpread(spread: Spread, digits: number, unit = ''): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(spread.median)}${unit} (${f(spread.min)}–${f(spread.max)})`;
}

/** The value at quantile `q` (0..1) of measurements sorted in ascending order. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Runs every step once per round, in the same order each round (A, B, A, B, …), so a measurement
 * and its baseline see the same machine: on a shared machine the load changes from one minute to
 * the next, and a baseline measured at another time compares with nothing. Returns each step's
 * results, one per round.
 */
export async function interleaved<Name extends string, Result>(
  rounds: number,
  steps: Record<Name, (round: number) => Promise<Result>>,
  onStep?: (name: Name, round: number) => void,
): Promise<Record<Name, Result[]>> {
  const names = Object.keys(steps) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as Result[]])) as Record<
    Name,
    Result[]
  >;
  for (let round = 1; round <= rounds; round++) {
    for (const name of names) {
      onStep?.(name, round);
      results[name].push(await steps[name](round));
    }
  }
  return results;
}

/** Per-round ratios of two interleaved series (`measured[i] / baseline[i]`). */
export function ratios(measured: readonly number[], baseline: readonly number[]): number[] {
  return measured.map((value, i) => value / baseline[i]!);
}
