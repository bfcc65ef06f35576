import { join } from 'node:path';
import { findFreePort } from '@liaison/embedded-stack';
import { startBalancer } from '../scale-out/balancer.js';
import { type ApiProcess, startApiProcess } from './api-process.js';
import { type LoadResult, load } from './load.js';

/**
 * The two-replica row: list requests per second through nginx (deploy/nginx.conf) with one API
 * replica and with two, next to the same requests sent to the API directly. On a machine of two
 * cores the API, PostgreSQL, nginx and the load generator already share them all: a second replica
 * adds no CPU, so the ratio shows what the balancer costs, not what a second machine would give.
 */
export async function benchReplicas(options: {
  repoRoot: string;
  dataDir: string;
  /** The running API; a second one is started with `env` for the two-replica run. */
  first: ApiProcess;
  env: Record<string, string>;
  /** A member's token: the list is the signed-in one. */
  token: string;
  requests: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<string> {
  const path = '/api/v1/documents';
  const headers = { authorization: `Bearer ${options.token}` };
  const measure = async (url: string): Promise<LoadResult> => {
    const settings = { concurrency: options.concurrency, headers };
    await load(url, { ...settings, requests: Math.min(500, options.requests) }); // warm-up
    return load(url, { ...settings, requests: options.requests });
  };
  const firstPort = Number(new URL(options.first.url).port);
  const throughBalancer = async (apiPorts: number[]) => {
    const balancer = await startBalancer({
      dir: join(options.dataDir, `nginx-${apiPorts.length}`),
      apiPorts,
      webPorts: [await findFreePort()],
    });
    try {
      return await measure(`${balancer.apiUrl}${path}`);
    } finally {
      await balancer.stop();
    }
  };

  options.log(`replicas: ${options.requests} list requests direct, then through nginx`);
  const direct = await measure(`${options.first.url}${path}`);
  const one = await throughBalancer([firstPort]);
  const second = await startApiProcess({
    repoRoot: options.repoRoot,
    port: await findFreePort(),
    env: options.env,
  });
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
  return [
    `GET ${path} (member), ${options.concurrency} at a time: requests/s, p50, p99`,
    ...rows.map(
      ([what, result]) =>
        `  ${what.padEnd(width)}  ${result.requestsPerSecond.toFixed(0).padStart(6)}/s  ` +
        `p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms`,
    ),
    `  two replicas / one: ${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)}; ` +
      'on a machine of few cores the replicas share the same CPUs, so this shows the cost of the ' +
      'balancer and of a second process, not a speed-up',
  ].join('\n');
}
