import type { Task } from 'graphile-worker';
import { extractVersionText } from '../../services/content/extract-version-text.js';
import type { JobDependencies } from '../task-list.js';

/**
 * Reads a new version's text (see `extractVersionText`). A file that cannot be read is an outcome
 * logged here; only an unreachable store or database fails the job, which is then retried.
 */
export function extractVersionTextTask(deps: JobDependencies): Task {
  const log = deps.log.child({ component: 'text-extraction' });
  return async (payload) => {
    const started = Date.now();
    const outcome = await extractVersionText({ pool: deps.pool, storage: deps.storage }, payload);
    log.info({ payload, outcome, ms: Date.now() - started }, 'version text');
  };
}
