import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTempDataDir,
  type EmbeddedStack,
  findFreePort,
  startEmbeddedStack,
  waitForPort,
} from '@liaison/embedded-stack';
import { type ApiProcess, startApiProcess } from '../bench/api-process.js';
import { repoRoot } from '../launcher/launch.js';

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

/** nginx from Debian, installed when missing and this runs as root (as .ci/run does). */
export function ensureNginx(): string {
  const found = () => {
    for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
      try {
        execFileSync(path, ['-v'], { stdio: 'ignore' });
        return path;
      } catch {}
    }
    return undefined;
  };
  const existing = found();
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new Error('the scale-out test needs nginx: apt-get install -y nginx (as root)');
  }
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: 'ignore',
  });
  const installed = found();
  if (!installed) throw new Error('nginx could not be installed');
  return installed;
}

/** deploy/nginx.conf with the replicas' loopback ports in place of the compose service names. */
export async function balancerConfig(options: {
  dir: string;
  apiPort: number;
  webPort: number;
  apiPorts: number[];
  webPorts: number[];
}): Promise<string> {
  let config = await readFile(join(repoRoot, 'deploy/nginx.conf'), 'utf8');
  const replace = (from: string | RegExp, to: string) => {
    const before = config;
    config = config.replace(from, to);
    if (config === before) throw new Error(`deploy/nginx.conf has no '${from}'`);
  };
  // `server api:4000 <parameters>;` becomes one such line per replica.
  const servers = (host: string, ports: number[]) =>
    replace(
      new RegExp(`server ${host}([^;]*);`),
      ports.map((port) => `server 127.0.0.1:${port}$1;`).join(' '),
    );
  servers('api:4000', options.apiPorts);
  servers('web:3000', options.webPorts);
  replace('listen 4000;', `listen 127.0.0.1:${options.apiPort};`);
  replace('listen 80;', `listen 127.0.0.1:${options.webPort};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(options.dir, kind)};`)
    .join('\n');
  replace('http {', `http {\n${temp}`);
  const file = join(options.dir, 'nginx.conf');
  await writeFile(file, config);
  return file;
}

async function startNginx(nginx: string, dir: string, config: string): Promise<ChildProcess> {
  const globals = [
    'daemon off;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
  ].join(' ');
  const child = spawn(nginx, ['-c', config, '-p', dir, '-g', globals], { stdio: 'ignore' });
  return child;
}

interface WebProcess {
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startWeb(port: number, env: Record<string, string>): Promise<WebProcess> {
  const next = join(repoRoot, 'node_modules/next/dist/bin/next');
  const child = spawn(
    process.execPath,
    [next, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: join(repoRoot, 'apps/web'),
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the web app on port ${port} exited while starting`);
    const ok = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(5_000),
    }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status < 500;
      },
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startCluster(extraApiEnv: Record<string, string> = {}): Promise<Cluster> {
  for (const built of ['apps/api/dist/main.js', 'apps/web/.next/BUILD_ID']) {
    await access(join(repoRoot, built)).catch(() => {
      throw new Error(`${built} is missing: build first (npx turbo run build)`);
    });
  }
  const nginx = ensureNginx();
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
    const balancerApiPort = await findFreePort();
    const balancerWebPort = await findFreePort();

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

    const nginxDir = join(dataDir, 'nginx');
    await mkdir(nginxDir, { recursive: true });
    const config = await balancerConfig({
      dir: nginxDir,
      apiPort: balancerApiPort,
      webPort: balancerWebPort,
      apiPorts,
      webPorts,
    });
    const balancer = await startNginx(nginx, nginxDir, config);
    stopping.push(async () => {
      balancer.kill('SIGQUIT');
      await new Promise((resolve) => balancer.once('exit', resolve));
    });
    await waitForPort(balancerApiPort, '127.0.0.1', 20_000);
    const apiUrl = `http://127.0.0.1:${balancerApiPort}`;
    const webUrl = `http://127.0.0.1:${balancerWebPort}`;

    const webEnv = {
      LIAISON_API_URL: apiUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: webUrl,
      WEB_CLIENT_ADDRESS_SECRET: clientAddressSecret,
      WEB_TRUST_PROXY: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    for (const port of webPorts) {
      const web = await startWeb(port, webEnv);
      stopping.push(() => web.stop());
    }
    return { apiUrl, webUrl, apis: [first, second], stack, apiEnv, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
