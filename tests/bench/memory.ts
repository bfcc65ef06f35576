import { readFile, writeFile } from 'node:fs/promises';

const KiB = 1024;
const MiB = 1024 * 1024;

/** VmRSS and VmHWM (peak RSS) of a process, in bytes, from /proc/<pid>/status (Linux). */
export async function residentMemory(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(match[1]) * KiB;
  };
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * Resets the kernel's peak-RSS counter (VmHWM) of `pid` to its current RSS, so that VmHWM read
 * later is the peak of what happened in between. Needs Linux >= 4.0 and owning the process;
 * returns false when that is not possible (then the sampled peak still stands).
 */
export async function resetPeak(pid: number): Promise<boolean> {
  return writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
}

export interface MemoryReport {
  /** RSS just before the measured work started. */
  baselineMiB: number;
  /** Highest RSS seen by sampling. */
  sampledPeakMiB: number;
  /** The kernel's peak RSS over the same period (exact, when the reset worked). */
  hwmPeakMiB: number | undefined;
  /** max(sampled peak, kernel peak) - baseline. */
  growthMiB: number;
  samples: number;
}

/** Samples the RSS of `pid` every `intervalMs` until `stop()`; the kernel's peak is read too. */
export async function watchMemory(pid: number, intervalMs = 50) {
  const before = await residentMemory(pid);
  const hwmReset = await resetPeak(pid);
  let peak = before.rss;
  let samples = 1;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    residentMemory(pid)
      .then(({ rss }) => {
        peak = Math.max(peak, rss);
        samples += 1;
      })
      .catch(() => undefined)
      .finally(() => {
        reading = false;
      });
  }, intervalMs);
  return {
    async stop(): Promise<MemoryReport> {
      clearInterval(timer);
      const after = await residentMemory(pid);
      peak = Math.max(peak, after.rss);
      const hwm = hwmReset ? after.hwm : undefined;
      const top = Math.max(peak, hwm ?? 0);
      return {
        baselineMiB: before.rss / MiB,
        sampledPeakMiB: peak / MiB,
        hwmPeakMiB: hwm === undefined ? undefined : hwm / MiB,
        growthMiB: (top - before.rss) / MiB,
        samples,
      };
    },
  };
}

/** User + system CPU seconds `pid` has used so far, from /proc/<pid>/stat (USER_HZ = 100). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: fields are counted from after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used by each process of `pids` and by this one (the client) during `work`. */
export async function measureCpu<T, Name extends string>(
  pids: Record<Name, number>,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<Name, number>; benchCpu: number }> {
  const names = Object.keys(pids) as Name[];
  const cpuNow = () => Promise.all(names.map((name) => cpuSeconds(pids[name])));
  const before = await cpuNow();
  const benchBefore = process.cpuUsage();
  const result = await work();
  const bench = process.cpuUsage(benchBefore);
  const after = await cpuNow();
  const cpu = Object.fromEntries(names.map((name, i) => [name, after[i]! - before[i]!])) as Record<
    Name,
    number
  >;
  return { result, cpu, benchCpu: (bench.user + bench.system) / 1e6 };
}
