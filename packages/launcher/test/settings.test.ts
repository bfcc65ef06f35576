import { describe, expect, it } from 'vitest';
import { readLaunchSettings } from '../src/settings.js';

describe('readLaunchSettings', () => {
  it('runs the embedded stack on the documented ports when nothing is configured', () => {
    const settings = readLaunchSettings([], {});
    expect(settings).toMatchObject({
      dev: false,
      embedded: true,
      host: '127.0.0.1',
      apiPort: 4000,
      webPort: 3000,
    });
    expect(settings.dataDir).toMatch(/\/\.data$/);
  });

  it('skips the embedded stack when an external PostgreSQL and S3 store are configured', () => {
    const settings = readLaunchSettings(['--dev'], {
      DATABASE_URL: 'postgres://db/liaison',
      S3_ENDPOINT: 'http://minio:9000',
    });
    expect([settings.embedded, settings.dev]).toEqual([false, true]);
  });

  it('refuses half an external configuration, naming what is missing', () => {
    expect(() => readLaunchSettings([], { DATABASE_URL: 'postgres://db/liaison' })).toThrow(
      /S3_ENDPOINT is not/,
    );
    expect(() => readLaunchSettings([], { S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      /DATABASE_URL is not/,
    );
  });

  it('refuses a bad port, naming the variable', () => {
    expect(() => readLaunchSettings([], { WEB_PORT: 'eighty' })).toThrow(
      /^WEB_PORT must be a port/,
    );
  });
});
