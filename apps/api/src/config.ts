/**
 * The API's configuration, read from the environment once at start-up. Every problem is reported
 * at once, each naming its variable, and the process refuses to start.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export interface Config {
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Load the demo organizations, users and registers at start-up. */
  demo: boolean;
  /** Signs access tokens; at least 32 characters. */
  authSecret: string;
  /** Lifetime of the access tokens `POST /api/v1/auth/token` issues. */
  accessTokenTtlSeconds: number;
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  trustProxy: boolean;
  /** Largest file one upload may carry. */
  maxUploadBytes: number;
  databaseUrl: string;
  s3: {
    endpoint: string;
    accessKey: string;
    secretKey: string;
    bucket: string;
    region: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Environment = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Environment) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  required(name: string, hint: string): string {
    const value = this.raw(name);
    if (value === undefined) this.problems.push(`${name} is required (${hint})`);
    return value ?? '';
  }

  optional(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const value =
      fallback === undefined
        ? this.required(name, `a ${protocols.join(' or ')} URL`)
        : this.optional(name, fallback);
    if (value === '') return value;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
        this.problems.push(
          `${name} must be a ${protocols.join(' or ')} URL (got protocol '${parsed.protocol}')`,
        );
      }
    } catch {
      this.problems.push(`${name} must be a URL (got '${redact(value)}')`);
    }
    return value;
  }

  port(name: string, fallback: number): number {
    const value = this.optional(name, String(fallback));
    const port = Number(value);
    if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
      this.problems.push(`${name} must be a port number from 1 to 65535 (got '${value}')`);
    }
    return port;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.optional(name, String(fallback));
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name, String(fallback)).toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got '${value}')`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name, fallback);
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
      return fallback;
    }
    return value as T;
  }

  check(condition: boolean, problem: string) {
    if (!condition) this.problems.push(problem);
  }
}

/** Hides credentials embedded in a URL-like value before it is echoed in an error message. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, '//***@');
}

export function loadConfig(env: Environment = process.env): Config {
  const read = new Reader(env);
  const config: Config = {
    host: read.optional('API_HOST', '0.0.0.0'),
    port: read.port('API_PORT', 4000),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    demo: read.boolean('LIAISON_DEMO', false),
    authSecret: read.required('AUTH_SECRET', 'a random string of at least 32 characters'),
    accessTokenTtlSeconds: read.integer('ACCESS_TOKEN_TTL_SECONDS', 3600, 60, 86_400),
    trustProxy: read.boolean('TRUST_PROXY', false),
    maxUploadBytes: read.integer('MAX_UPLOAD_BYTES', 2 * 1024 ** 3, 1, 5 * 1024 ** 4),
    databaseUrl: read.url('DATABASE_URL', ['postgres', 'postgresql']),
    s3: {
      endpoint: read.url('S3_ENDPOINT', ['http', 'https']),
      accessKey: read.required('S3_ACCESS_KEY', 'the access key of the S3-compatible store'),
      secretKey: read.required('S3_SECRET_KEY', 'the secret key of the S3-compatible store'),
      bucket: read.optional('S3_BUCKET', 'liaison'),
      region: read.optional('S3_REGION', 'us-east-1'),
    },
  };
  read.check(
    config.authSecret === '' || config.authSecret.length >= 32,
    'AUTH_SECRET must be at least 32 characters long',
  );
  read.check(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.s3.bucket),
    `S3_BUCKET must be a valid bucket name: 3-63 lowercase letters, digits, dots or hyphens (got '${config.s3.bucket}')`,
  );
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
