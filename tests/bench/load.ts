import * as http from 'node:http';
import { quantile } from './stats.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/**
 * GETs `url` (or each of `urls` in turn) `requests` times with `concurrency` requests in flight over kept-alive connections,
 * and fails on any answer other than 200. node:http rather than fetch: the client shares two
 * cores with the API and PostgreSQL, so it has to be cheap per request.
 */
export async function load(
  urls: string | readonly string[],
  options: { requests: number; concurrency: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let issued = 0;
  const targets = typeof urls === 'string' ? [urls] : urls;
  const once = (url: string) =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(url, { agent, headers: options.headers ?? {} }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${url} answered ${response.statusCode}`));
          return;
        }
        response.on('data', () => {});
        response.once('end', resolve);
        response.once('error', reject);
      });
      request.once('error', reject);
    });
  const worker = async () => {
    while (issued < options.requests) {
      const url = targets[issued % targets.length]!;
      issued += 1;
      const start = performance.now();
      await once(url);
      latencies.push(performance.now() - start);
    }
  };
  const start = performance.now();
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    p99Ms: quantile(latencies, 0.99),
  };
}
