import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../apps/api/src/config.js';

// docker-compose.yml must start a working portal: every variable the API and the web app need
// at start-up is set for their services (operator-supplied secrets through `${NAME:?hint}`, so
// compose refuses to start without them rather than the app failing later).

/** What apps/web reads and cannot do without in a deployment. */
const WEB_REQUIRED = [
  // Where the API is, on the compose network.
  'LIAISON_API_URL',
  // The session cookie's encryption key.
  'NEXTAUTH_SECRET',
  // The public address: next-auth's redirects, OAuth callback URLs, Secure cookies over https.
  'NEXTAUTH_URL',
  // Signs the browser's address on every call to the API (the API holds the same value).
  'WEB_CLIENT_ADDRESS_SECRET',
];
/** Secrets only the operator can supply: never a default in the file. */
const OPERATOR_SECRETS = [
  'AUTH_SECRET',
  'NEXTAUTH_SECRET',
  'S3_SECRET_KEY',
  'WEB_CLIENT_ADDRESS_SECRET',
];

type Environment = Record<string, string>;

async function services(): Promise<Record<string, { environment?: Environment }>> {
  const file = new URL('../../docker-compose.yml', import.meta.url);
  return (parse(await readFile(file, 'utf8')) as { services: never }).services;
}

/**
 * The environment as compose would hand it over: defaults (`${NAME:-default}`) as they are, and
 * a value for every variable the operator must give (`${NAME:?hint}`).
 */
function interpolated(environment: Environment): Environment {
  const given = (variable: string) =>
    /SECRET/.test(variable) ? `operator-${variable}-`.padEnd(40, 'x') : `${variable}-given`;
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(
        /\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
        (_, variable: string, kind?: string, rest?: string) =>
          kind === '-' ? (rest ?? '') : given(variable),
      ),
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('gives the API every variable its configuration requires', async () => {
    const api = (await services()).api?.environment ?? {};
    const environment = interpolated(api);
    // The same parsing as at start-up: it names the first missing or malformed variable.
    expect(() => loadConfig(environment)).not.toThrow();
    expect(loadConfig(environment).databaseUrl).toMatch(/^postgres:\/\/.*@postgres:5432\//);
  });

  it('gives the web app the API address, its session secret and its public URL', async () => {
    const web = (await services()).web?.environment ?? {};
    for (const name of WEB_REQUIRED) {
      expect(web[name], name).toBeTruthy();
    }
    expect(web.LIAISON_API_URL).toBe('http://api:4000');
    expect(interpolated(web).NEXTAUTH_URL).toMatch(/^https?:\/\/[^/]+/);
  });

  it('takes the secrets from the operator, refusing to start without them', async () => {
    const all = await services();
    for (const [service, { environment = {} }] of Object.entries(all)) {
      for (const [name, value] of Object.entries(environment)) {
        if (!OPERATOR_SECRETS.includes(name)) continue;
        expect(String(value), `${service}.${name}`).toMatch(
          new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`),
        );
      }
    }
    expect(all.web?.environment?.NEXTAUTH_SECRET).toBeDefined();
  });

  it('gives the web app and the API the same secret for the browser address', async () => {
    const all = await services();
    expect(all.api?.environment?.WEB_CLIENT_ADDRESS_SECRET).toBeDefined();
    expect(all.web?.environment?.WEB_CLIENT_ADDRESS_SECRET).toBe(
      all.api?.environment?.WEB_CLIENT_ADDRESS_SECRET,
    );
  });
});
