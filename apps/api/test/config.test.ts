import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { cronForInterval } from '../src/jobs/interval-cron.js';

const valid = {
  DATABASE_URL: 'postgres://liaison:secret@db.internal:5432/liaison',
  S3_ENDPOINT: 'http://minio.internal:9000',
  S3_ACCESS_KEY: 'access',
  S3_SECRET_KEY: 'secret',
  AUTH_SECRET: 'x'.repeat(32),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('reads a complete environment into a typed object with defaults', () => {
    expect(loadConfig(valid)).toEqual({
      host: '0.0.0.0',
      port: 4000,
      logLevel: 'info',
      demo: false,
      authSecret: 'x'.repeat(32),
      accessTokenTtlSeconds: 3600,
      trustProxy: false,
      webClientAddressSecret: undefined,
      maxUploadBytes: 2 * 1024 ** 3,
      watermarkMaxBytes: 100 * 1024 ** 2,
      documentListCache: { maxEntries: 1_000, maxBytes: 32 * 1024 ** 2 },
      callerCache: { maxEntries: 10_000 },
      metricsToken: undefined,
      shutdownGraceSeconds: 30,
      jobs: { concurrency: 2 },
      reaper: { intervalMinutes: 60, minAgeMinutes: 60 },
      sso: [],
      mail: {
        transport: undefined,
        from: 'Liaison <liaison@localhost>',
        webUrl: 'http://localhost:3000',
        reviewCheckIntervalHours: 6,
        reviewNoticeDays: 30,
        statementReminderIntervalHours: 6,
        reviewMailIntervalMinutes: 10,
      },
      databaseUrl: valid.DATABASE_URL,
      s3: {
        endpoint: valid.S3_ENDPOINT,
        accessKey: 'access',
        secretKey: 'secret',
        bucket: 'liaison',
        region: 'us-east-1',
      },
    });
  });

  it('takes a metrics token of at least 32 characters, and names it when shorter', () => {
    expect(loadConfig({ ...valid, METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe(
      'm'.repeat(32),
    );
    expect(problemsOf({ ...valid, METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN must be at least 32 characters long',
    ]);
  });

  it('names every missing variable at once', () => {
    const problems = problemsOf({});
    for (const name of [
      'DATABASE_URL',
      'S3_ENDPOINT',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
      'AUTH_SECRET',
    ]) {
      expect(problems.some((problem) => problem.startsWith(`${name} is required`))).toBe(true);
    }
    expect(problems).toHaveLength(5);
  });

  it.each([
    ['API_PORT', 'abc', /^API_PORT must be a port number/],
    ['API_PORT', '70000', /^API_PORT must be a port number/],
    ['DATABASE_URL', 'mysql://x@y/z', /^DATABASE_URL must be a postgres or postgresql URL/],
    ['DATABASE_URL', 'not a url', /^DATABASE_URL must be a URL/],
    ['S3_ENDPOINT', 'ftp://minio:21', /^S3_ENDPOINT must be a http or https URL/],
    ['S3_BUCKET', 'Bad_Bucket', /^S3_BUCKET must be a valid bucket name/],
    ['AUTH_SECRET', 'short', /^AUTH_SECRET must be at least 32 characters/],
    ['WEB_CLIENT_ADDRESS_SECRET', 'short', /^WEB_CLIENT_ADDRESS_SECRET must be at least 32/],
    ['WEB_CLIENT_ADDRESS_SECRET', 'x'.repeat(32), /^WEB_CLIENT_ADDRESS_SECRET must differ from/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of/],
    ['LIAISON_DEMO', 'maybe', /^LIAISON_DEMO must be true or false/],
    ['MAX_UPLOAD_BYTES', '-5', /^MAX_UPLOAD_BYTES must be a whole number/],
    ['WATERMARK_MAX_BYTES', '0', /^WATERMARK_MAX_BYTES must be a whole number from 1/],
    ['ACCESS_TOKEN_TTL_SECONDS', '10', /^ACCESS_TOKEN_TTL_SECONDS must be a whole number from 60/],
    [
      'REAPER_INTERVAL_MINUTES',
      'hourly',
      /^REAPER_INTERVAL_MINUTES must be 0 \(at start-up only\) or a number of minutes that divides an hour or a day/,
    ],
    ['REAPER_INTERVAL_MINUTES', '7', /^REAPER_INTERVAL_MINUTES must be 0 .* \(got '7'\)/],
    ['REAPER_INTERVAL_MINUTES', '300', /^REAPER_INTERVAL_MINUTES must be 0 .* \(got '300'\)/],
    ['JOB_CONCURRENCY', '0', /^JOB_CONCURRENCY must be a whole number from 1 to 32/],
    ['CALLER_CACHE_ENTRIES', '-1', /^CALLER_CACHE_ENTRIES must be a whole number from 0/],
    ['REAPER_MIN_AGE_MINUTES', '0', /^REAPER_MIN_AGE_MINUTES must be a whole number from 1/],
    ['SMTP_URL', 'http://mail:25', /^SMTP_URL must be a smtp or smtps URL/],
    ['MAIL_FROM', 'not an address', /^MAIL_FROM must be an address/],
    ['MAIL_CATCHER', 'sometimes', /^MAIL_CATCHER must be true or false/],
    ['WEB_URL', 'portal.example', /^WEB_URL must be a URL/],
    ['REVIEW_REMINDER_DAYS', '400', /^REVIEW_REMINDER_DAYS must be a whole number from 1 to 365/],
    [
      'STATEMENT_REMINDER_INTERVAL_HOURS',
      'daily',
      /^STATEMENT_REMINDER_INTERVAL_HOURS must be 0 \(at start-up only\) or a number of hours/,
    ],
    [
      'STATEMENT_REMINDER_INTERVAL_HOURS',
      '5',
      /^STATEMENT_REMINDER_INTERVAL_HOURS must be 0 .* \(got '5'\)/,
    ],
    [
      'REVIEW_MAIL_INTERVAL_MINUTES',
      '0',
      /^REVIEW_MAIL_INTERVAL_MINUTES must be a number of minutes that divides an hour/,
    ],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('sends mail to SMTP_URL, or to the demo catcher, never both', () => {
    const smtp = loadConfig({
      ...valid,
      SMTP_URL: 'smtps://liaison:secret@mail.example.org:465',
      MAIL_FROM: 'Liaison portal <portal@example.org>',
      WEB_URL: 'https://liaison.example.org/',
    }).mail;
    expect([smtp.transport, smtp.from, smtp.webUrl]).toEqual([
      { kind: 'smtp', url: 'smtps://liaison:secret@mail.example.org:465' },
      'Liaison portal <portal@example.org>',
      'https://liaison.example.org',
    ]);
    expect(loadConfig({ ...valid, MAIL_CATCHER: '1' }).mail.transport).toEqual({ kind: 'catcher' });
    const [problem] = problemsOf({ ...valid, MAIL_CATCHER: '1', SMTP_URL: 'smtp://mail:25' });
    expect(problem).toMatch(/^MAIL_CATCHER and SMTP_URL cannot both be set/);
  });

  it('never echoes the credentials of a malformed URL', () => {
    const [problem] = problemsOf({ ...valid, DATABASE_URL: 'postgres://user:hunter2@' + '[bad' });
    expect(problem).toMatch(/^DATABASE_URL/);
    expect(problem).not.toContain('hunter2');
  });

  it('accepts explicit values', () => {
    const config = loadConfig({
      ...valid,
      API_PORT: '8080',
      LIAISON_DEMO: 'true',
      LOG_LEVEL: 'warn',
      S3_BUCKET: 'docs',
      REAPER_INTERVAL_MINUTES: '0',
      REAPER_MIN_AGE_MINUTES: '15',
      WEB_CLIENT_ADDRESS_SECRET: 'w'.repeat(32),
      CALLER_CACHE_ENTRIES: '0',
    });
    expect([
      config.port,
      config.demo,
      config.logLevel,
      config.s3.bucket,
      config.reaper,
      config.webClientAddressSecret,
      config.callerCache,
    ]).toEqual([
      8080,
      true,
      'warn',
      'docs',
      { intervalMinutes: 0, minAgeMinutes: 15 },
      'w'.repeat(32),
      { maxEntries: 0 },
    ]);
  });

  it('keeps the schedules on the clock: each interval becomes a cron pattern', () => {
    const schedules = loadConfig({
      ...valid,
      REAPER_INTERVAL_MINUTES: '1440',
      REVIEW_MAIL_INTERVAL_MINUTES: '15',
      REVIEW_REMINDER_INTERVAL_HOURS: '168',
      STATEMENT_REMINDER_INTERVAL_HOURS: '8',
      JOB_CONCURRENCY: '3',
    });
    expect([
      cronForInterval(schedules.reaper.intervalMinutes),
      cronForInterval(schedules.mail.reviewMailIntervalMinutes),
      cronForInterval(schedules.mail.reviewCheckIntervalHours * 60),
      cronForInterval(schedules.mail.statementReminderIntervalHours * 60),
      cronForInterval(60),
      cronForInterval(1),
      schedules.jobs.concurrency,
    ]).toEqual([
      '0 0 * * *',
      '*/15 * * * *',
      '0 0 * * 0',
      '0 */8 * * *',
      '0 * * * *',
      '* * * * *',
      3,
    ]);
    expect([
      cronForInterval(0),
      cronForInterval(45),
      cronForInterval(90),
      cronForInterval(2880),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
