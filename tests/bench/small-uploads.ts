import { type BenchContext, json, log } from './context.js';
import { watchMemory } from './memory.js';
import { type Section, table, Verdicts } from './report.js';
import { formatSpread, interleaved, quantile, spreadOf } from './stats.js';
import { GeneratedContent, MiB, timed, uploadDirect, uploadThroughApi } from './transfer.js';

export const SMALL_UPLOADS_MEMORY_TARGET_MIB = 150;

interface Batch {
  seconds: number;
  p95Ms: number;
  growthMiB?: number;
}

/** Runs every upload at once; the batch's time and its p95 latency. */
async function batch(uploads: (() => Promise<unknown>)[]): Promise<Batch> {
  const latencies: number[] = [];
  const { seconds } = await timed(() =>
    Promise.all(
      uploads.map(async (upload) => {
        const { seconds } = await timed(upload);
        latencies.push(seconds * 1000);
      }),
    ),
  );
  latencies.sort((a, b) => a - b);
  return { seconds, p95Ms: quantile(latencies, 0.95) };
}

/**
 * Many 1 MiB uploads at once through the API against as many presigned PUTs, interleaved: all
 * must land, with their p95 latency and the API's memory growth.
 */
export async function benchSmallUploads(context: BenchContext): Promise<Section> {
  const { api, storage, settings } = context;
  const count = settings.smallUploads;
  const editor = await context.signIn('editor@dmtf.example');
  const documents = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      json<{ id: string }>(`${api.url}/api/v1/documents`, {
        method: 'POST',
        token: editor,
        body: {
          organization: 'dmtf',
          identifier: `BENCH-SMALL-${index}`,
          title: `Benchmark small uploads ${index}`,
          status: 'work-in-progress',
          visibility: 'organization',
        },
      }),
    ),
  );
  const content = new GeneratedContent(MiB);
  const throughApi = async (label: string, declareSize: boolean): Promise<Batch> => {
    const watching = await watchMemory(api.pid);
    const measured = await batch(
      documents.map(
        (document) => () =>
          uploadThroughApi(api.url, editor, document.id, label, content, declareSize),
      ),
    );
    const memory = await watching.stop();
    return { ...measured, growthMiB: memory.growthMiB };
  };
  const results = await interleaved<string, Batch>(
    settings.rounds,
    {
      'direct PUTs': async (round) => {
        const urls = await Promise.all(
          documents.map((_, index) => storage.presignedPutUrl(`bench/small-${round}-${index}`)),
        );
        return batch(urls.map((url) => () => uploadDirect(url, content)));
      },
      'API uploads': (round) => throughApi(`1.0.${round}`, true),
      'API uploads, size unknown': (round) => throughApi(`1.1.${round}`, false),
    },
    (name, round) => log(`round ${round}: ${count} concurrent 1 MiB ${name}`),
  );
  for (let round = 1; round <= settings.rounds; round++) {
    await Promise.all(documents.map((_, i) => storage.delete(`bench/small-${round}-${i}`)));
  }

  const verdicts = new Verdicts();
  const row = (what: string, batches: Batch[]) => {
    const growth =
      batches[0]!.growthMiB === undefined ? undefined : spreadOf(batches.map((b) => b.growthMiB!));
    return [
      what,
      formatSpread(spreadOf(batches.map((b) => b.seconds)), 2),
      formatSpread(spreadOf(batches.map((b) => b.p95Ms)), 0),
      growth ? `+${formatSpread(growth, 1)}` : '-',
      growth ? `< ${SMALL_UPLOADS_MEMORY_TARGET_MIB} MiB (worst round)` : 'baseline',
      growth ? verdicts.judge(growth.max < SMALL_UPLOADS_MEMORY_TARGET_MIB) : '',
    ];
  };
  return verdicts.section(
    table(
      [
        `${count} concurrent 1 MiB uploads, ${settings.rounds} rounds`,
        'batch seconds',
        'p95 ms',
        'API memory growth MiB',
        'target',
        '',
      ],
      [
        row('through the API, size declared (one PUT each)', results['API uploads']!),
        row('through the API, size unknown', results['API uploads, size unknown']!),
        row('direct presigned PUTs', results['direct PUTs']!),
      ],
    ),
  );
}
