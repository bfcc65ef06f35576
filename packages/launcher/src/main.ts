import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type EmbeddedStack, startEmbeddedStack } from '@liaison/embedded-stack';
import { banner } from './banner.js';
import { type SupervisedChild, superviseChild, waitForHttp } from './children.js';
import { embeddedPort } from './embedded-port.js';
import { repoRoot } from './paths.js';
import { type LaunchSettings, persistentSecret, readLaunchSettings } from './settings.js';

const READY_TIMEOUT_MS = 120_000;

async function stackEnvironment(settings: LaunchSettings, log: (line: string) => void) {
  if (!settings.embedded) return { stack: undefined, env: {} };
  log(`starting embedded PostgreSQL and S3 (data in ${settings.dataDir}) ...`);
  const stack = await startEmbeddedStack({
    dataDir: settings.dataDir,
    postgresPort: await embeddedPort(settings.embeddedPostgresPort),
    s3Port: await embeddedPort(settings.embeddedS3Port),
  });
  return {
    stack,
    env: {
      ...stack.env,
      AUTH_SECRET:
        process.env.AUTH_SECRET ?? (await persistentSecret(settings.dataDir, 'auth-secret')),
      NEXTAUTH_SECRET:
        process.env.NEXTAUTH_SECRET ??
        (await persistentSecret(settings.dataDir, 'web-session-secret')),
      LIAISON_DEMO: process.env.LIAISON_DEMO ?? 'true',
      // Demo mail goes to the API's local catcher (read it at /admin/mail as the operator),
      // unless a real mail server is configured.
      MAIL_CATCHER: process.env.MAIL_CATCHER ?? (process.env.SMTP_URL ? 'false' : 'true'),
    },
  };
}

function apiArgs(dev: boolean): string[] {
  return dev
    ? [
        '--conditions=liaison-source',
        '--import',
        'tsx',
        '--watch',
        join(repoRoot, 'apps/api/src/main.ts'),
      ]
    : [join(repoRoot, 'apps/api/dist/main.js')];
}

function webArgs(dev: boolean, host: string, port: number): string[] {
  const next = join(repoRoot, 'node_modules/next/dist/bin/next');
  return [next, dev ? 'dev' : 'start', '--hostname', host, '--port', String(port)];
}

async function main() {
  const log = (line: string) => console.log(`[liaison] ${line}`);
  const settings = readLaunchSettings(process.argv.slice(2), process.env);
  const children: SupervisedChild[] = [];
  let stack: EmbeddedStack | undefined;
  let stopping = false;

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping ...');
    // Web first, then the API, then the stores they use.
    for (const child of [...children].reverse()) {
      log(`stopping ${child.name}`);
      await child.stop();
    }
    log('stopping stores');
    await stack?.stop();
    log('stopped');
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stop(0));

  try {
    const prepared = await stackEnvironment(settings, log);
    stack = prepared.stack;
    const env = {
      ...process.env,
      ...prepared.env,
      API_PORT: String(settings.apiPort),
      API_HOST: settings.host,
      // The console is for people: only warnings and errors unless asked for more.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
      // The web app signs the browser's address with it for the API; nothing kept depends on it.
      WEB_CLIENT_ADDRESS_SECRET:
        process.env.WEB_CLIENT_ADDRESS_SECRET ?? randomBytes(32).toString('base64url'),
    };
    const apiUrl = `http://localhost:${settings.apiPort}`;
    const webUrl = `http://localhost:${settings.webPort}`;
    // Probed by address: "localhost" may resolve to ::1 first while the servers listen on IPv4.
    const probeHost = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;

    const restarts = { maxRestarts: 5, windowMs: 10 * 60_000, log };
    const api = superviseChild(
      {
        name: 'API',
        args: apiArgs(settings.dev),
        cwd: repoRoot,
        env: {
          ...env,
          // Links in the mails the API sends point at the portal.
          WEB_URL: process.env.WEB_URL ?? process.env.NEXTAUTH_URL ?? webUrl,
        },
      },
      {
        ...restarts,
        ready: (child) =>
          waitForHttp(`http://${probeHost}:${settings.apiPort}/readyz`, child, READY_TIMEOUT_MS),
      },
    );
    children.push(api);
    await waitForHttp(
      `http://${probeHost}:${settings.apiPort}/readyz`,
      api.current(),
      READY_TIMEOUT_MS,
    );

    const web = superviseChild(
      {
        name: 'web app',
        args: webArgs(settings.dev, settings.host, settings.webPort),
        cwd: join(repoRoot, 'apps/web'),
        env: {
          ...env,
          LIAISON_API_URL: `http://127.0.0.1:${settings.apiPort}`,
          // next-auth's redirects and OAuth callback URLs follow the address the person used
          // (http://127.0.0.1:3000 or http://localhost:3000 alike) unless the operator fixes the
          // public URL with NEXTAUTH_URL.
          ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: 'true' }),
          PORT: String(settings.webPort),
        },
      },
      {
        ...restarts,
        ready: (child) =>
          waitForHttp(`http://${probeHost}:${settings.webPort}/`, child, READY_TIMEOUT_MS),
      },
    );
    children.push(web);
    await waitForHttp(`http://${probeHost}:${settings.webPort}/`, web.current(), READY_TIMEOUT_MS);

    console.log(
      banner({
        webUrl,
        apiUrl,
        embedded: settings.embedded,
        dataDir: settings.dataDir,
        mailCatcher: /^(1|true|yes|on)$/i.test(env.MAIL_CATCHER ?? ''),
        databaseUrl: prepared.stack?.env.DATABASE_URL ?? '',
        s3Endpoint: prepared.stack?.env.S3_ENDPOINT ?? '',
        // startChild runs both servers on this very executable.
        nodeVersion: process.version,
      }),
    );

    // A server that dies is restarted; one that keeps dying leaves the portal broken: stop
    // everything and say so.
    const first = await Promise.race(
      children.map(async (child) => ({ child, code: await child.gaveUp })),
    );
    if (!stopping) {
      log(`${first.child.name} keeps exiting (last code ${first.code}); stopping the portal`);
      await stop(1);
    }
  } catch (error) {
    console.error(`[liaison] ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
