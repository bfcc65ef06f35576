import { describe, expect, it } from 'vitest';
import { siteOrigin } from '../lib/auth/site-origin';
import { parseWebConfig } from '../lib/config';
import {
  pageContentSecurityPolicy,
  servedOverHttps,
  setsOwnPolicy,
  ssoFormTarget,
} from '../lib/content-security-policy';

describe('the pages’ Content-Security-Policy', () => {
  it('lets scripts run with the nonce only, and eval only in development', () => {
    const policy = pageContentSecurityPolicy('abc123', false);
    expect(policy.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(pageContentSecurityPolicy('n', true)).toContain("'strict-dynamic' 'unsafe-eval';");
  });

  it('lets a login page’s form lead to its identity provider, by origin', () => {
    const target = ssoFormTarget('https://login.ofa.example/realms/ofa');
    expect(target).toEqual(['https://login.ofa.example']);
    expect(pageContentSecurityPolicy('n', false, target)).toContain(
      "form-action 'self' https://login.ofa.example;",
    );
    expect(ssoFormTarget(undefined)).toEqual([]);
    expect(ssoFormTarget('not a url')).toEqual([]);
  });

  it('is left to the file routes themselves', () => {
    expect(setsOwnPolicy('/documents/a/versions/b/download')).toBe(true);
    expect(setsOwnPolicy('/documents/a')).toBe(false);
    expect(setsOwnPolicy('/')).toBe(false);
  });
});

describe('https, for Strict-Transport-Security', () => {
  it('is the balancer’s word or the configured public URL', () => {
    expect(servedOverHttps('https', undefined)).toBe(true);
    expect(servedOverHttps('https, http', undefined)).toBe(true);
    expect(servedOverHttps('http', undefined)).toBe(false);
    expect(servedOverHttps(null, 'https://liaison.example')).toBe(true);
    expect(servedOverHttps(null, 'http://localhost:3000')).toBe(false);
    expect(servedOverHttps(null, undefined)).toBe(false);
  });
});

describe('the site’s origin for next-auth', () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  it('is NEXTAUTH_URL’s when set, else the address the browser used', () => {
    expect(
      siteOrigin(
        headers({ host: '127.0.0.1:3000' }),
        parseWebConfig({ NEXTAUTH_URL: 'https://l.example/x' }),
      ),
    ).toBe('https://l.example');
    expect(
      siteOrigin(
        headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }),
        parseWebConfig({}),
      ),
    ).toBe('http://127.0.0.1:3000');
    expect(
      siteOrigin(
        headers({
          host: 'web:3000',
          'x-forwarded-host': 'l.example',
          'x-forwarded-proto': 'https',
        }),
        parseWebConfig({}),
      ),
    ).toBe('https://l.example');
    expect(siteOrigin(headers({}), parseWebConfig({}))).toBeUndefined();
  });
});
