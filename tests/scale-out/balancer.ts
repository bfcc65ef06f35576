import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort, waitForPort } from '@liaison/embedded-stack';
import { repoRoot } from '../launcher/launch.js';

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
async function balancerConfig(options: {
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

export interface Balancer {
  /** The API's address through nginx. */
  apiUrl: string;
  /** The portal's (web) address through nginx. */
  webUrl: string;
  stop(): Promise<void>;
}

/** nginx with deploy/nginx.conf, round-robin over the given loopback ports, files under `dir`. */
export async function startBalancer(options: {
  dir: string;
  apiPorts: number[];
  webPorts: number[];
}): Promise<Balancer> {
  const nginx = ensureNginx();
  await mkdir(options.dir, { recursive: true });
  const apiPort = await findFreePort();
  const webPort = await findFreePort();
  const config = await balancerConfig({ ...options, apiPort, webPort });
  const child = await startNginx(nginx, options.dir, config);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitForPort(apiPort, '127.0.0.1', 20_000);
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
