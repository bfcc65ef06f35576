import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { repoRoot } from './paths.js';

export interface LaunchSettings {
  dev: boolean;
  /** Embedded PostgreSQL + S3 when no external store is configured. */
  embedded: boolean;
  dataDir: string;
  /** Interface the API and web app listen on: loopback unless opened up on purpose. */
  host: string;
  apiPort: number;
  webPort: number;
  embeddedPostgresPort: number;
  embeddedS3Port: number;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name] ?? String(fallback);
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535 (got '${value}')`);
  }
  return parsed;
}

export function readLaunchSettings(argv: string[], env: NodeJS.ProcessEnv): LaunchSettings {
  const externalDatabase = Boolean(env.DATABASE_URL);
  const externalStorage = Boolean(env.S3_ENDPOINT);
  if (externalDatabase !== externalStorage) {
    throw new Error(
      externalDatabase
        ? 'DATABASE_URL is set but S3_ENDPOINT is not: set both (and S3_ACCESS_KEY, S3_SECRET_KEY) for an external stack, or neither for the embedded one'
        : 'S3_ENDPOINT is set but DATABASE_URL is not: set both for an external stack, or neither for the embedded one',
    );
  }
  return {
    dev: argv.includes('--dev'),
    embedded: !externalDatabase,
    dataDir: resolve(env.LIAISON_DATA_DIR ?? join(repoRoot, '.data')),
    host: env.LIAISON_HOST ?? '127.0.0.1',
    apiPort: port(env, 'API_PORT', 4000),
    webPort: port(env, 'WEB_PORT', 3000),
    embeddedPostgresPort: port(env, 'EMBEDDED_POSTGRES_PORT', 54329),
    embeddedS3Port: port(env, 'EMBEDDED_S3_PORT', 45690),
  };
}

/**
 * A secret made once and kept with the embedded stack's data (`auth-secret` signs the API's access
 * tokens, `web-session-secret` encrypts the web app's session cookie), so sessions survive a
 * restart. An external deployment sets AUTH_SECRET and NEXTAUTH_SECRET itself.
 */
export async function persistentSecret(
  dataDir: string,
  name: 'auth-secret' | 'web-session-secret',
): Promise<string> {
  const file = join(dataDir, name);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
