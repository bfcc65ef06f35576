/**
 * `npm run bench`: on a throw-away embedded stack, measures the API against baselines measured in
 * the same run, every figure several times interleaved with its baseline (A, B, A, B, …), and
 * prints Markdown tables of medians and their spread (min–max).
 *
 * The S3 server (s3rver) and the API each run in a child process of their own. Targets
 * missed are reported as FAIL but do not fail the run; only something that breaks does.
 * Settings: BENCH_QUICK=1 (small sizes, for development), BENCH_ROUNDS (3), BENCH_FILE_MIB (1024),
 * BENCH_DOCUMENTS (100000), BENCH_REQUESTS (3000), BENCH_SMALL_UPLOADS (50), and
 * BENCH_API_NODE_ARGS (extra node options for the API process, e.g. --cpu-prof).
 *
 * Each section is a function of the shared context returning its tables: add one as a line below.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { withBenchContext } from './context.js';
import { benchDocumentList } from './document-list.js';
import { benchReplicas } from './replicas.js';
import { renderReport, type Section } from './report.js';
import { benchSearch } from './search.js';
import { benchSmallUploads } from './small-uploads.js';
import { benchTransfers } from './transfers.js';
import { benchWatermark } from './watermark.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main() {
  const load1 = loadavg()[0]!;
  const report = await withBenchContext(repoRoot, async (context) => {
    const sections: Section[] = [];
    sections.push(await benchDocumentList(context));
    sections.push(await benchTransfers(context));
    sections.push(await benchSmallUploads(context));
    sections.push(await benchSearch(context));
    sections.push(await benchWatermark(context));
    sections.push(await benchReplicas(context));
    return renderReport(
      `Liaison benchmark${context.settings.quick ? ' (BENCH_QUICK: not for the README)' : ''}: embedded ` +
        `stack (s3rver and the API each in a process of its own), Node ${process.version}, ` +
        `${cpus().length} CPUs, load average ${load1.toFixed(1)} at the start; medians of ` +
        `${context.settings.rounds} rounds interleaved with their baselines, (min–max) in brackets`,
      sections,
    );
  });
  console.log(`\n${report}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
