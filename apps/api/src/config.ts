/**
 * The API's configuration, read from the environment once at start-up. Every problem is reported
 * at once, each naming its variable, and the process refuses to start.
 */

import { isSlug } from '@liaison/core';
import { cronForInterval } from './jobs/interval-cron.js';

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
  /**
   * Shared with the web app, which signs with it the browser address it calls the API for
   * (`CLIENT_ADDRESS_HEADER`); unset, such headers are ignored. At least 32 characters.
   */
  webClientAddressSecret: string | undefined;
  /** Largest file one upload may carry. */
  maxUploadBytes: number;
  /**
   * Largest PDF that is stamped for readers of a document requiring watermarks (stamping loads the
   * whole file into memory). Larger PDFs cannot be uploaded to such a document, nor can the setting
   * be turned on while the document has one.
   */
  watermarkMaxBytes: number;
  /** On SIGTERM, how long requests in flight may take to finish before the process exits anyway. */
  shutdownGraceSeconds: number;
  /**
   * Recent answers of `GET /api/v1/documents` kept in memory per caller's rights (see
   * document-list-cache.ts): at most `maxEntries` of them (0: no cache) and `maxBytes` in all.
   */
  documentListCache: { maxEntries: number; maxBytes: number };
  /**
   * The callers of recently used credentials kept in memory (see caller-cache.ts): at most
   * `maxEntries` of them (0: no cache).
   */
  callerCache: { maxEntries: number };
  /** The bearer token `GET /metrics` answers; unset, there is no /metrics. At least 32 characters. */
  metricsToken: string | undefined;
  /** The background job runner (graphile-worker on the API's database). */
  jobs: {
    /** Jobs this process runs at once (`JOB_CONCURRENCY`). */
    concurrency: number;
  };
  /** The reaper of objects no version references (see `reapOrphanedObjects`). */
  reaper: {
    /**
     * Minutes between runs after the one at start-up, on the clock (see `cronForInterval`); 0 runs
     * it at start-up only.
     */
    intervalMinutes: number;
    /** Unreferenced objects younger than this are kept: they may be uploads about to commit. */
    minAgeMinutes: number;
  };
  /**
   * Organizations' single sign-on from the environment (`SSO_<SLUG>_ISSUER` and
   * `SSO_<SLUG>_CLIENT_ID`, the slug upper-cased with '-' as '_'), applied at start-up.
   */
  sso: { organization: string; issuer: string; clientId: string }[];
  /** Outgoing e-mail: the outbox's delivery worker, and the review reminders. */
  mail: MailConfig;
  databaseUrl: string;
  s3: {
    endpoint: string;
    accessKey: string;
    secretKey: string;
    bucket: string;
    region: string;
  };
}

export interface MailConfig {
  /**
   * Where the worker hands mail over: an SMTP server (`SMTP_URL`), the API's own local catcher
   * (`MAIL_CATCHER`, demo mode), or none: mail then stays queued in the outbox.
   */
  transport: { kind: 'smtp'; url: string } | { kind: 'catcher' } | undefined;
  /** The From header (`MAIL_FROM`). */
  from: string;
  /** The portal's public address, for the links in mails (`WEB_URL`). */
  webUrl: string;
  /** Hours between checks for registers whose review is near or past; 0: at start-up only. */
  reviewCheckIntervalHours: number;
  /** A review due within this many days is "near". */
  reviewNoticeDays: number;
  /** Hours between checks for owed statements whose deadline reminder is due; 0: start-up only. */
  statementReminderIntervalHours: number;
  /**
   * Minutes between passes that queue the mail calls for comments owe over time: closing
   * reminders and the (at most hourly) digests of new comments.
   */
  reviewMailIntervalMinutes: number;
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

  /**
   * A schedule's interval in minutes (`unitMinutes` per unit of the variable), one a cron pattern
   * keeps evenly (see `cronForInterval`); 0, when allowed, means "at start-up only".
   */
  interval(name: string, fallback: number, unitMinutes: number, allowZero: boolean): number {
    const unit = unitMinutes === 1 ? 'minutes' : 'hours';
    const value = this.optional(name, String(fallback));
    const parsed = Number(value);
    const valid =
      /^\d+$/.test(value) &&
      ((allowZero && parsed === 0) || cronForInterval(parsed * unitMinutes) !== undefined);
    if (!valid) {
      this.problems.push(
        `${name} must be ${allowZero ? '0 (at start-up only) or ' : ''}a number of ${unit} that divides an hour or a day evenly, or a day or a week (got '${value}')`,
      );
      return fallback;
    }
    return parsed;
  }

  check(condition: boolean, problem: string) {
    if (!condition) this.problems.push(problem);
  }

  /** A secret that is set must be too long to guess; an unset one is checked where it is read. */
  checkSecretLength(name: string, value: string | undefined) {
    if (value) this.check(value.length >= 32, `${name} must be at least 32 characters long`);
  }
}

/** Hides credentials embedded in a URL-like value before it is echoed in an error message. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, '//***@');
}

const SSO_VARIABLE = /^SSO_([A-Z0-9][A-Z0-9_]*)_(ISSUER|CLIENT_ID)$/;

/** An OpenID Connect issuer: https, or http on loopback only (development and tests). */
function isAcceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * `SSO_<SLUG>_ISSUER` + `SSO_<SLUG>_CLIENT_ID` for each organization whose sign-in the environment
 * sets. `SSO_<SLUG>_CLIENT_SECRET` belongs to the web app and is ignored here.
 */
function readSsoSettings(env: Environment, read: Reader): Config['sso'] {
  const found = new Map<string, { issuer?: string; clientId?: string }>();
  for (const [name, raw] of Object.entries(env)) {
    const match = SSO_VARIABLE.exec(name);
    const value = raw?.trim();
    if (!match || !value) continue;
    const slug = match[1]!.toLowerCase().replaceAll('_', '-');
    const entry = found.get(slug) ?? {};
    if (match[2] === 'ISSUER') entry.issuer = value;
    else entry.clientId = value;
    found.set(slug, entry);
  }
  const settings: Config['sso'] = [];
  for (const [slug, entry] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
    const prefix = `SSO_${slug.toUpperCase().replaceAll('-', '_')}`;
    read.check(isSlug(slug), `${prefix}_* must name an organization slug (got '${slug}')`);
    if (entry.issuer === undefined || entry.clientId === undefined) {
      read.check(false, `${prefix}_ISSUER and ${prefix}_CLIENT_ID must be set together`);
      continue;
    }
    read.check(
      isAcceptableIssuer(entry.issuer),
      `${prefix}_ISSUER must be an https URL (http only on localhost) without query or fragment (got '${entry.issuer}')`,
    );
    read.check(
      /^[\x21-\x7e]{1,500}$/.test(entry.clientId),
      `${prefix}_CLIENT_ID must be 1 to 500 printable characters without spaces`,
    );
    settings.push({ organization: slug, issuer: entry.issuer, clientId: entry.clientId });
  }
  return settings;
}

/** `Name <address>` or a bare address, on one line. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/;

function readMailSettings(read: Reader): MailConfig {
  const smtpUrl = read.url('SMTP_URL', ['smtp', 'smtps'], '');
  const catcher = read.boolean('MAIL_CATCHER', false);
  read.check(
    !(catcher && smtpUrl !== ''),
    'MAIL_CATCHER and SMTP_URL cannot both be set: the catcher is the demo stand-in for a mail server',
  );
  const from = read.optional('MAIL_FROM', 'Liaison <liaison@localhost>');
  read.check(
    MAIL_FROM.test(from),
    `MAIL_FROM must be an address or 'Name <address>' (got '${from}')`,
  );
  return {
    transport: catcher
      ? { kind: 'catcher' }
      : smtpUrl !== ''
        ? { kind: 'smtp', url: smtpUrl }
        : undefined,
    from,
    webUrl: read.url('WEB_URL', ['http', 'https'], 'http://localhost:3000').replace(/\/+$/, ''),
    reviewCheckIntervalHours: read.interval('REVIEW_REMINDER_INTERVAL_HOURS', 6, 60, true),
    reviewNoticeDays: read.integer('REVIEW_REMINDER_DAYS', 30, 1, 365),
    statementReminderIntervalHours: read.interval('STATEMENT_REMINDER_INTERVAL_HOURS', 6, 60, true),
    reviewMailIntervalMinutes: read.interval('REVIEW_MAIL_INTERVAL_MINUTES', 10, 1, false),
  };
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
    webClientAddressSecret: read.optional('WEB_CLIENT_ADDRESS_SECRET', '') || undefined,
    maxUploadBytes: read.integer('MAX_UPLOAD_BYTES', 2 * 1024 ** 3, 1, 5 * 1024 ** 4),
    watermarkMaxBytes: read.integer('WATERMARK_MAX_BYTES', 100 * 1024 ** 2, 1, 1024 ** 3),
    documentListCache: {
      maxEntries: read.integer('DOCUMENT_LIST_CACHE_ENTRIES', 1_000, 0, 1_000_000),
      maxBytes: read.integer('DOCUMENT_LIST_CACHE_MIB', 32, 1, 65_536) * 1024 ** 2,
    },
    callerCache: { maxEntries: read.integer('CALLER_CACHE_ENTRIES', 10_000, 0, 1_000_000) },
    metricsToken: read.optional('METRICS_TOKEN', '') || undefined,
    shutdownGraceSeconds: read.integer('SHUTDOWN_GRACE_SECONDS', 30, 1, 3600),
    jobs: { concurrency: read.integer('JOB_CONCURRENCY', 2, 1, 32) },
    reaper: {
      intervalMinutes: read.interval('REAPER_INTERVAL_MINUTES', 60, 1, true),
      minAgeMinutes: read.integer('REAPER_MIN_AGE_MINUTES', 60, 1, 10_080),
    },
    sso: readSsoSettings(env, read),
    mail: readMailSettings(read),
    databaseUrl: read.url('DATABASE_URL', ['postgres', 'postgresql']),
    s3: {
      endpoint: read.url('S3_ENDPOINT', ['http', 'https']),
      accessKey: read.required('S3_ACCESS_KEY', 'the access key of the S3-compatible store'),
      secretKey: read.required('S3_SECRET_KEY', 'the secret key of the S3-compatible store'),
      bucket: read.optional('S3_BUCKET', 'liaison'),
      region: read.optional('S3_REGION', 'us-east-1'),
    },
  };
  read.checkSecretLength('AUTH_SECRET', config.authSecret);
  read.checkSecretLength('WEB_CLIENT_ADDRESS_SECRET', config.webClientAddressSecret);
  // The web app holds this one: were it the token key, the web app could mint access tokens.
  read.check(
    config.webClientAddressSecret !== config.authSecret,
    'WEB_CLIENT_ADDRESS_SECRET must differ from AUTH_SECRET',
  );
  read.checkSecretLength('METRICS_TOKEN', config.metricsToken);
  read.check(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.s3.bucket),
    `S3_BUCKET must be a valid bucket name: 3-63 lowercase letters, digits, dots or hyphens (got '${config.s3.bucket}')`,
  );
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
