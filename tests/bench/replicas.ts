import { join } from 'node:path';
import { findFreePort } from '@liaison/embedded-stack';
import { startBalancer } from '../scale-out/balancer.js';
import { type BenchContext, log } from './context.js';
import { type LoadResult, load } from './load.js';
import { printed, type Section } from './report.js';

/**
 * The two-replica row: list requests per second through nginx (deploy/nginx.conf) with one API
 * replica and with two, next to the same requests sent to the API directly. On a machine of two
 * cores the API, PostgreSQL, nginx and the load generator already share them all: a second replica
 * adds no CPU, so the ratio shows what the balancer costs, not what a second machine would give.
 */
export async function benchReplicas(context: BenchContext): Promise<Section> {
  const { api: first, settings } = context;
  const path = '/api/v1/documents';
  // The signed-in list, as a member sees it.
  const headers = { authorization: `Bearer ${await context.signIn('member@dmtf.example')}` };
  const measure = async (url: string): Promise<LoadResult> => {
    const loadSettings = { concurrency: settings.concurrency, headers };
    await load(url, { ...loadSettings, requests: Math.min(500, settings.requests) }); // warm-up
    return load(url, { ...loadSettings, requests: settings.requests });
  };
  const firstPort = Number(new URL(first.url).port);
  const throughBalancer = async (apiPorts: number[]) => {
    const balancer = await startBalancer({
      dir: join(context.dataDir, `nginx-${apiPorts.length}`),
      apiPorts,
      webPorts: [await findFreePort()],
    });
    try {
      return await measure(`${balancer.apiUrl}${path}`);
    } finally {
      await balancer.stop();
    }
  };

  log(`replicas: ${settings.requests} list requests direct, then through nginx`);
  const direct = await measure(`${first.url}${path}`);
  const one = await throughBalancer([firstPort]);
  const second = await context.startApi();
  let two: LoadResult;
  try {
    two = await throughBalancer([firstPort, Number(new URL(second.url).port)]);
  } finally {
    await second.stop();
  }

  const rows: [string, LoadResult][] = [
    ['one API, direct', direct],
    ['one API replica through nginx', one],
    ['two API replicas through nginx', two],
  ];
  const width = Math.max(...rows.map(([what]) => what.length));
  return printed(
    [
      `GET ${path} (member), ${settings.concurrency} at a time: requests/s, p50, p99`,
      ...rows.map(
        ([what, result]) =>
          `  ${what.padEnd(width)}  ${result.requestsPerSecond.toFixed(0).padStart(6)}/s  ` +
          `p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms`,
      ),
      `  two replicas / one: ${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)}; ` +
        'on a machine of few cores the replicas share the same CPUs, so this shows the cost of the ' +
        'balancer and of a second process, not a speed-up',
    ].join('\n'),
  );
}
