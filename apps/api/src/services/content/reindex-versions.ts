import { listAllVersionIds } from '@liaison/db';
import {
  type ExtractionOutcome,
  type ExtractVersionTextDependencies,
  extractVersionText,
} from './extract-version-text.js';

export type ReindexSummary = Record<ExtractionOutcome, number> & { total: number };

/** Two extractions at a time: each is a worker thread busy on one core. */
const PARALLEL_EXTRACTIONS = 2;

/**
 * Extracts the text of every version again (after an extractor upgrade, or to fill in versions
 * stored before extraction existed), reporting each one done. Files that cannot be read are
 * counted, not fatal; an unreachable store or database stops the run.
 */
export async function reindexVersions(
  deps: ExtractVersionTextDependencies,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReindexSummary> {
  const versionIds = await listAllVersionIds(deps.pool);
  const summary: ReindexSummary = {
    total: versionIds.length,
    extracted: 0,
    failed: 0,
    unsupported: 0,
    gone: 0,
  };
  let done = 0;
  let next = 0;
  onProgress(done, versionIds.length);
  const extractor = async () => {
    while (next < versionIds.length) {
      const versionId = versionIds[next++]!;
      summary[await extractVersionText(deps, { versionId })]++;
      onProgress(++done, versionIds.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_EXTRACTIONS }, extractor));
  return summary;
}
