import {
  type ReaperDependencies,
  type ReapSummary,
  reapOrphanedObjects,
} from './reap-orphaned-objects.js';

export interface ReaperScheduleOptions {
  /** Minutes between runs; 0 runs only at start-up. */
  intervalMinutes: number;
  /** Unreferenced objects younger than this are kept (see `reapOrphanedObjects`). */
  minAgeMinutes: number;
}

export interface ReaperSchedule {
  /**
   * Runs the reaper now, unless a run is in progress: then resolves with that run's outcome.
   * Never rejects; a failed run is logged and resolves `undefined`.
   */
  runNow(): Promise<ReapSummary | undefined>;
  /** Clears the schedule, stops a run in progress between batches and waits for it to end. */
  stop(): Promise<void>;
}

const MINUTE_MS = 60_000;

/** Logs what a run did: quietly when there was nothing to do, louder when there was. */
function report(deps: ReaperDependencies, summary: ReapSummary, ms: number) {
  const details = {
    scanned: summary.scanned,
    deleted: summary.deleted.length,
    keptYoung: summary.keptYoung,
    checkedVersions: summary.checkedVersions,
    checkedSubmissionFiles: summary.checkedSubmissionFiles,
    missingObjects: summary.missingObjects.length,
    ms,
  };
  if (summary.missingObjects.length > 0) {
    deps.log.error(details, 'reaper: rows reference objects that do not exist');
  } else if (summary.deleted.length > 0) {
    deps.log.warn(
      { ...details, keys: summary.deleted.slice(0, 20) },
      'reaper deleted objects that no version references',
    );
  } else {
    deps.log.info(details, 'reaper found storage consistent');
  }
}

/**
 * Runs the reaper once right away and then every `intervalMinutes`, never two runs at once
 * (a tick that finds the previous run still going is skipped). The timer does not keep the
 * process alive.
 */
export function scheduleReaper(
  deps: ReaperDependencies,
  options: ReaperScheduleOptions,
): ReaperSchedule {
  const abort = new AbortController();
  let running: Promise<ReapSummary | undefined> | undefined;

  const runNow = () => {
    if (running) return running;
    if (abort.signal.aborted) return Promise.resolve(undefined);
    const started = Date.now();
    running = reapOrphanedObjects(deps, {
      olderThanMs: options.minAgeMinutes * MINUTE_MS,
      signal: abort.signal,
    })
      .then(
        (summary) => {
          report(deps, summary, Date.now() - started);
          return summary;
        },
        (error: unknown) => {
          deps.log.error({ err: error }, 'reaper run failed; it runs again on schedule');
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer =
    options.intervalMinutes > 0
      ? setInterval(() => void runNow(), options.intervalMinutes * MINUTE_MS).unref()
      : undefined;
  void runNow();

  return {
    runNow,
    async stop() {
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
