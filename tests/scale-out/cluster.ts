import { randomBytes } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTempDataDir,
  type EmbeddedStack,
  findFreePort,
  startEmbeddedStack,
} from '@liaison/embedded-stack';
import { type ApiProcess, startApiProcess } from '../bench/api-process.js';
import { startWebProcess } from '../bench/web-process.js';
import { repoRoot } from '../launcher/launch.js';
import { startBalancer } from './balancer.js';

/**
 * The production shape on one machine: nginx (deploy/nginx.conf, hosts and ports replaced)
 * round-robin in front of two API processes and two web processes, all on one embedded PostgreSQL
 * and one embedded S3 store. Built apps only (`npx turbo run build`).
 */

export interface ApiReplica {
  readonly port: number;
  readonly url: string;
  current(): ApiProcess;
  /** SIGTERM (graceful drain), wait for the exit, start again on the same port. */
  restart(): Promise<void>;
}

export interface Cluster {
  /** The balancer's API address. */
  apiUrl: string;
  /** The balancer's portal (web) address. */
  webUrl: string;
  apis: [ApiReplica, ApiReplica];
  stack: EmbeddedStack;
  /** The environment every API replica runs with (the stores, secrets, mail). */
  apiEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startCluster(extraApiEnv: Record<string, string> = {}): Promise<Cluster> {
  for (const built of ['apps/api/dist/main.js', 'apps/web/.next/BUILD_ID']) {
    await access(join(repoRoot, built)).catch(() => {
      throw new Error(`${built} is missing: build first (npx turbo run build)`);
    });
  }
  const dataDir = await createTempDataDir('liaison-scale-out');
  const stack = await startEmbeddedStack({ dataDir, ephemeral: true });
  const stopping: (() => Promise<void>)[] = [
    () => rm(dataDir, { recursive: true, force: true }),
    () => stack.stop(),
  ];
  const stopAll = async () => {
    for (const stop of stopping.reverse()) await stop().catch(() => {});
  };
  try {
    const clientAddressSecret = randomBytes(32).toString('base64url');
    const apiEnv: Record<string, string> = {
      ...stack.env,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      WEB_CLIENT_ADDRESS_SECRET: clientAddressSecret,
      LIAISON_DEMO: 'true',
      TRUST_PROXY: 'true',
      SHUTDOWN_GRACE_SECONDS: '30',
      REAPER_MIN_AGE_MINUTES: '1',
      ...extraApiEnv,
    };
    const apiPorts = [await findFreePort(), await findFreePort()];
    const webPorts = [await findFreePort(), await findFreePort()];

    const replica = async (port: number): Promise<ApiReplica> => {
      let process = await startApiProcess({ repoRoot, port, env: apiEnv });
      stopping.push(() => process.stop());
      return {
        port,
        url: `http://127.0.0.1:${port}`,
        current: () => process,
        async restart() {
          await process.stop();
          process = await startApiProcess({ repoRoot, port, env: apiEnv });
        },
      };
    };
    // One after the other: the first migrates and loads the demo data.
    const first = await replica(apiPorts[0]!);
    const second = await replica(apiPorts[1]!);

    const balancer = await startBalancer({ dir: join(dataDir, 'nginx'), apiPorts, webPorts });
    stopping.push(() => balancer.stop());
    const { apiUrl, webUrl } = balancer;

    const webEnv = {
      LIAISON_API_URL: apiUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: webUrl,
      WEB_CLIENT_ADDRESS_SECRET: clientAddressSecret,
      WEB_TRUST_PROXY: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    for (const port of webPorts) {
      const web = await startWebProcess({ repoRoot, port, env: webEnv });
      stopping.push(() => web.stop());
    }
    return { apiUrl, webUrl, apis: [first, second], stack, apiEnv, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
