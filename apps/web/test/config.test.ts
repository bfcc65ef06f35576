import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, parseWebConfig } from '../lib/config';

describe('parseWebConfig', () => {
  it('defaults every setting when the environment is empty', () => {
    expect(parseWebConfig({})).toEqual({
      apiUrl: DEFAULT_API_URL,
      publicUrl: undefined,
      sessionSecret: undefined,
      trustProxy: false,
      clientAddressSecret: undefined,
      development: false,
      ssoClientSecrets: new Map(),
    });
  });

  it('trims the settings and keeps only the SSO client secrets that are set', () => {
    const config = parseWebConfig({
      LIAISON_API_URL: ' http://api:4000// ',
      NEXTAUTH_URL: ' https://portal.example ',
      WEB_TRUST_PROXY: 'Yes',
      WEB_CLIENT_ADDRESS_SECRET: '  ',
      NODE_ENV: 'development',
      SSO_OFA_CLIENT_SECRET: ' s3cret ',
      SSO_DMTF_CLIENT_SECRET: '',
      SSO_CLIENT_SECRET: 'no slug',
    });
    expect(config.apiUrl).toBe('http://api:4000');
    expect(config.publicUrl).toBe('https://portal.example');
    expect(config.trustProxy).toBe(true);
    expect(config.clientAddressSecret).toBeUndefined();
    expect(config.development).toBe(true);
    expect([...config.ssoClientSecrets]).toEqual([['SSO_OFA_CLIENT_SECRET', 's3cret']]);
  });
});
