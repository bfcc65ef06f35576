import type { BenchContext } from './context.js';
import { log } from './context.js';
import { type LoadResult, load } from './load.js';
import { type Section, table, Verdicts } from './report.js';
import { formatSpread, interleaved, ratios, spreadOf } from './stats.js';

/** The list's throughput target, as a share of /healthz's in the same round. */
export const LIST_RATIO_TARGET = 0.45;
export const LIST_P99_TARGET_MS = 50;

/** Words of the seeded titles and abstracts (packages/db/src/bench/seed-documents.ts). */
export const TITLE_SEARCH_WORDS = [
  'telemetry',
  'firmware update',
  'certificate',
  'thermal sensor',
  'BENCH-012345',
];

interface Target {
  what: string;
  urls: string[];
  headers?: Record<string, string>;
  /** Judged: throughput against /healthz and p99. */
  judge?: 'list';
}

/**
 * `GET /api/v1/documents` over the seeded documents, anonymous and signed in, and its title and
 * abstract search (its throughput; its latency is search.ts's), each against `GET /healthz`
 * measured in the same round.
 */
export async function benchDocumentList(context: BenchContext): Promise<Section> {
  const { api, settings } = context;
  const memberToken = await context.apiToken('member@dmtf.example');
  const memberSession = await context.signIn('member@dmtf.example');
  const list = `${api.url}/api/v1/documents`;
  const searches = TITLE_SEARCH_WORDS.map((words) => `${list}?q=${encodeURIComponent(words)}`);
  const asToken = { authorization: `Bearer ${memberToken}` };
  const targets: Target[] = [
    { what: 'GET /healthz (baseline)', urls: [`${api.url}/healthz`] },
    { what: 'list, anonymous', urls: [list], judge: 'list' },
    { what: 'list, member@dmtf (API token)', urls: [list], headers: asToken, judge: 'list' },
    {
      what: 'list, member@dmtf (access token)',
      urls: [list],
      headers: { authorization: `Bearer ${memberSession}` },
    },
    // The search's latency is judged one request at a time (search.ts): ten at once on two cores
    // measure its throughput, each latency mostly the queue's.
    { what: 'search title/abstract, anonymous', urls: searches },
    { what: 'search title/abstract, member@dmtf', urls: searches, headers: asToken },
  ];

  const run = (target: Target, requests: number) =>
    load(target.urls, {
      requests,
      concurrency: settings.concurrency,
      ...(target.headers ? { headers: target.headers } : {}),
    });
  for (const target of targets) await run(target, Math.min(500, settings.requests)); // warm-up
  const results = await interleaved<string, LoadResult>(
    settings.rounds,
    Object.fromEntries(
      targets.map((target) => [target.what, () => run(target, settings.requests)]),
    ),
    (name, round) => log(`round ${round}: ${name}, ${settings.requests} requests`),
  );

  const verdicts = new Verdicts();
  const baseline = results[targets[0]!.what]!.map((r) => r.requestsPerSecond);
  const rows = targets.map((target, index) => {
    const measured = results[target.what]!;
    const rate = spreadOf(measured.map((r) => r.requestsPerSecond));
    const ratio = spreadOf(
      ratios(
        measured.map((r) => r.requestsPerSecond),
        baseline,
      ),
    );
    const p50 = spreadOf(measured.map((r) => r.p50Ms));
    const p95 = spreadOf(measured.map((r) => r.p95Ms));
    const p99 = spreadOf(measured.map((r) => r.p99Ms));
    let target_ = 'info';
    let verdict = '';
    if (target.judge === 'list') {
      target_ = `≥ ${LIST_RATIO_TARGET}, p99 < ${LIST_P99_TARGET_MS} ms`;
      verdict = verdicts.judge(
        ratio.median >= LIST_RATIO_TARGET && p99.median < LIST_P99_TARGET_MS,
      );
    }
    return [
      target.what,
      formatSpread(rate, 0),
      formatSpread(p50, 1),
      formatSpread(p95, 1),
      formatSpread(p99, 1),
      index === 0 ? 'baseline' : formatSpread(ratio, 2),
      target_,
      verdict,
    ];
  });
  return verdicts.section(
    table(
      [
        `${context.documents.toLocaleString('en-US')} documents, ${settings.concurrency} concurrent, ${settings.requests} requests × ${settings.rounds}`,
        'requests/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'vs /healthz',
        'target',
        '',
      ],
      rows,
    ),
  );
}
