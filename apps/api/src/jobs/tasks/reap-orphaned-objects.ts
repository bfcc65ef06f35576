import type { Task } from 'graphile-worker';
import {
  type ReaperDependencies,
  type ReapSummary,
  reapOrphanedObjects,
} from '../../services/maintenance/reap-orphaned-objects.js';
import type { JobDependencies } from '../task-list.js';

const MINUTE_MS = 60_000;

/** Logs what a run did: quietly when there was nothing to do, louder when there was. */
function report(log: ReaperDependencies['log'], summary: ReapSummary, ms: number) {
  const details = {
    scanned: summary.scanned,
    deleted: summary.deleted.length,
    keptYoung: summary.keptYoung,
    abortedUploads: summary.abortedUploads.length,
    checkedVersions: summary.checkedVersions,
    checkedSubmissionFiles: summary.checkedSubmissionFiles,
    missingObjects: summary.missingObjects.length,
    ms,
  };
  if (summary.missingObjects.length > 0) {
    log.error(details, 'reaper: rows reference objects that do not exist');
  } else if (summary.deleted.length + summary.abortedUploads.length > 0) {
    log.warn(
      {
        ...details,
        keys: summary.deleted.slice(0, 20),
        uploads: summary.abortedUploads.slice(0, 20),
      },
      'reaper deleted objects that no version references, or aborted uploads nobody completed',
    );
  } else {
    log.info(details, 'reaper found storage consistent');
  }
}

/**
 * The reaper (see `reapOrphanedObjects`), with the configured minimum age. Its jobs share one
 * queue, so two runs never overlap, on any replica; a shutdown stops a run between batches.
 */
export function reapOrphanedObjectsTask(deps: JobDependencies): Task {
  const log = deps.log.child({ component: 'reaper' });
  return async (_payload, helpers) => {
    const started = Date.now();
    const summary = await reapOrphanedObjects(
      { pool: deps.pool, storage: deps.storage, log },
      { olderThanMs: deps.config.reaper.minAgeMinutes * MINUTE_MS, signal: helpers.abortSignal },
    );
    report(log, summary, Date.now() - started);
  };
}
