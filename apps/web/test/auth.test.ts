import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_SIGNATURE_HEADER,
  verifyClientAddress,
} from '@liaison/core/server';
import type { Account, User } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureRedirect, loginPath, safeCallbackPath } from '../lib/auth/login-redirects';
import { authOptions, secureCookies, ssoProviders } from '../lib/auth/options';
import {
  clientSecretVariable,
  resolveOrganization,
  type SignInOrganization,
  ssoClientSecret,
} from '../lib/auth/organizations';
import { SIGN_IN_ERRORS, signInErrorMessage, ssoErrorCode } from '../lib/auth/sign-in-errors';
import {
  BROWSER_ADDRESS_HEADER,
  browserAddressOf,
  observeBrowserAddresses,
  requestIdHeaders,
} from '../lib/browser-address';
import { parseWebConfig } from '../lib/config';
import { closeServer, listenOnLoopback } from './loopback-server';

const ORGANIZATIONS: SignInOrganization[] = [
  {
    slug: 'ofa',
    name: 'OpenFabrics Alliance',
    description: '',
    signIn: { password: true, sso: { issuer: 'https://idp.ofa.example/', clientId: 'liaison' } },
  },
  {
    slug: 'dmtf',
    name: 'Distributed Management Task Force',
    description: '',
    signIn: { password: true, sso: null },
  },
  {
    slug: 'sso-only',
    name: 'SSO Only',
    description: '',
    signIn: { password: false, sso: { issuer: 'https://idp.example', clientId: 'c' } },
  },
];

describe('login redirects', () => {
  const base = 'http://localhost:3000/api/auth';

  it('sends next-auth failures back to the login page they came from', () => {
    expect(failureRedirect(`${base}/error?error=not-member`, base, 'ofa', '/workspace')).toBe(
      'http://localhost:3000/login/ofa?callbackUrl=%2Fworkspace&error=not-member',
    );
    expect(
      failureRedirect(
        `${base}/error?error=CredentialsSignin&provider=credentials`,
        base,
        null,
        undefined,
      ),
    ).toBe('http://localhost:3000/login/operator?error=CredentialsSignin');
    expect(failureRedirect(`${base}/signin?csrf=true`, base, 'dmtf', undefined)).toBe(
      'http://localhost:3000/login/dmtf?error=csrf',
    );
    expect(failureRedirect(`${base}/error?error=OAuthCallback`, base, 'ofa', undefined)).toBe(
      'http://localhost:3000/login/ofa?error=OAuthCallback',
    );
  });

  it('says the identity provider’s own refusal when there is one', () => {
    expect(
      failureRedirect(`${base}/error?error=Callback`, base, 'ofa', undefined, 'access_denied'),
    ).toBe('http://localhost:3000/login/ofa?error=access_denied');
  });

  it('leaves successes and other destinations alone', () => {
    expect(failureRedirect('http://localhost:3000/workspace', base, 'ofa', undefined)).toBe(
      undefined,
    );
    expect(failureRedirect('https://idp.example/auth?x=1', base, 'ofa', undefined)).toBe(undefined);
    expect(failureRedirect('/login/ofa?error=sso-not-member', base, 'ofa', undefined)).toBe(
      undefined,
    );
  });

  it('accepts callback URLs on this site only', () => {
    const origin = 'http://localhost:3000';
    expect(safeCallbackPath('/documents/1?x=2', origin)).toBe('/documents/1?x=2');
    expect(safeCallbackPath('http://localhost:3000/workspace', origin)).toBe('/workspace');
    expect(safeCallbackPath('https://evil.example/', origin)).toBe(undefined);
    expect(safeCallbackPath('//evil.example/x', origin)).toBe(undefined);
    expect(safeCallbackPath('/\\evil.example', origin)).toBe(undefined);
    expect(safeCallbackPath('javascript:alert(1)', origin)).toBe(undefined);
    expect(safeCallbackPath('/login/ofa', origin)).toBe(undefined);
    expect(safeCallbackPath('/api/auth/signout', origin)).toBe(undefined);
    expect(safeCallbackPath(undefined, origin)).toBe(undefined);
  });

  it('builds login paths', () => {
    expect(loginPath('ofa')).toBe('/login/ofa');
    expect(loginPath(null, { error: 'expired' })).toBe('/login/operator?error=expired');
  });
});

describe('organizations', () => {
  it('are found by slug or by name, in any case', () => {
    expect(resolveOrganization(ORGANIZATIONS, 'ofa')?.slug).toBe('ofa');
    expect(resolveOrganization(ORGANIZATIONS, ' openfabrics alliance ')?.slug).toBe('ofa');
    expect(resolveOrganization(ORGANIZATIONS, 'DMTF')?.slug).toBe('dmtf');
    expect(resolveOrganization(ORGANIZATIONS, 'xyz')).toBe(undefined);
    expect(resolveOrganization(ORGANIZATIONS, '')).toBe(undefined);
  });

  it('take their client secret from SSO_<SLUG>_CLIENT_SECRET', () => {
    expect(clientSecretVariable('sso-only')).toBe('SSO_SSO_ONLY_CLIENT_SECRET');
    expect(ssoClientSecret('ofa', parseWebConfig({ SSO_OFA_CLIENT_SECRET: ' s3cret ' }))).toBe(
      's3cret',
    );
    expect(ssoClientSecret('ofa', parseWebConfig({ SSO_OFA_CLIENT_SECRET: '' }))).toBe(undefined);
  });
});

describe('next-auth providers', () => {
  it('include one OpenID Connect provider per organization with SSO and a client secret', () => {
    const providers = ssoProviders(
      ORGANIZATIONS,
      parseWebConfig({ SSO_OFA_CLIENT_SECRET: 'ofa-secret' }),
    );
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({
      id: 'sso-ofa',
      type: 'oauth',
      wellKnown: 'https://idp.ofa.example/.well-known/openid-configuration',
      clientId: 'liaison',
      clientSecret: 'ofa-secret',
      idToken: true,
      checks: ['pkce', 'state'],
      authorization: { params: { scope: 'openid email profile' } },
    });
    // The sign-in's nonce (issued by the API) goes into the authorization request.
    const [withNonce] = ssoProviders(
      ORGANIZATIONS,
      parseWebConfig({ SSO_OFA_CLIENT_SECRET: 'ofa-secret' }),
      NONCE,
    );
    expect(withNonce?.authorization).toEqual({
      params: { scope: 'openid email profile', nonce: NONCE.nonce },
    });
  });

  it('make cookies Secure exactly when NEXTAUTH_URL is https', () => {
    expect(secureCookies(parseWebConfig({ NEXTAUTH_URL: 'https://liaison.example' }))).toBe(true);
    expect(secureCookies(parseWebConfig({ NEXTAUTH_URL: 'http://localhost:3000' }))).toBe(false);
    expect(secureCookies(parseWebConfig({}))).toBe(false);
  });
});

describe('sign-in error messages', () => {
  it('has a message for every code, and a generic one for anything else', () => {
    for (const code of Object.keys(SIGN_IN_ERRORS)) {
      expect(signInErrorMessage(code)).toBe(SIGN_IN_ERRORS[code as keyof typeof SIGN_IN_ERRORS]);
    }
    expect(signInErrorMessage('<script>')).toBe('Sign-in failed. Please try again.');
    expect(signInErrorMessage('__proto__')).toBe('Sign-in failed. Please try again.');
    expect(signInErrorMessage(undefined)).toBe(undefined);
  });

  it('maps the API’s single sign-on refusals', () => {
    expect(ssoErrorCode(401, 'sso_not_member')).toBe('sso-not-member');
    expect(ssoErrorCode(403, 'account_disabled')).toBe('disabled');
    expect(ssoErrorCode(401, 'sso_email_unverified')).toBe('sso-email');
    expect(ssoErrorCode(401, 'sso_token_invalid')).toBe('sso-failed');
    expect(ssoErrorCode(503, 'dependency_unavailable')).toBe('sso-unavailable');
    expect(ssoErrorCode(401, 'sso_nonce_invalid')).toBe('sso-again');
    expect(ssoErrorCode(0, undefined)).toBe('api-unavailable');
  });
});

const NONCE = { nonce: 'n'.repeat(43), nonceHandle: 'h'.repeat(43) };

// A stand-in for the API's two sign-in endpoints, on a real socket.
let server: Server;
const answers = new Map<string, { status: number; body: unknown }>();
/** The headers of each request the stand-in received, by `<path> <email or ID token>`. */
const receivedHeaders = new Map<string, IncomingHttpHeaders>();
/** The bodies the stand-in received, in order. */
const received: Record<string, unknown>[] = [];
const user = (memberships: { organization: string; role: string }[], operator = false) => ({
  accessToken: 'api-token',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u1', email: 'a@ofa.example', name: 'A', memberships, operator },
});

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}') as { email?: string; idToken?: string };
    receivedHeaders.set(`${req.url} ${body.email ?? body.idToken}`, req.headers);
    received.push(body);
    const answer = answers.get(`${req.url} ${body.email ?? body.idToken}`) ?? {
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'Wrong e-mail address or password' } },
    };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  process.env.LIAISON_API_URL = await listenOnLoopback(server);
  answers.set('/api/v1/auth/token member@ofa.example', {
    status: 200,
    body: user([{ organization: 'ofa', role: 'member' }]),
  });
  answers.set('/api/v1/auth/token member@dmtf.example', {
    status: 200,
    body: user([{ organization: 'dmtf', role: 'member' }]),
  });
  answers.set('/api/v1/auth/token operator@liaison.example', {
    status: 200,
    body: user([], true),
  });
  answers.set('/api/v1/auth/token disabled@ofa.example', {
    status: 403,
    body: { error: { code: 'account_disabled', message: 'disabled' } },
  });
  answers.set('/api/v1/auth/token locked@ofa.example', {
    status: 429,
    body: { error: { code: 'rate_limited', message: 'later' } },
  });
  answers.set('/api/v1/auth/oidc good-id-token', {
    status: 200,
    body: user([{ organization: 'ofa', role: 'editor' }]),
  });
  answers.set('/api/v1/auth/oidc stranger-id-token', {
    status: 401,
    body: { error: { code: 'sso_not_member', message: 'not a member' } },
  });
});

afterAll(async () => {
  delete process.env.LIAISON_API_URL;
  await closeServer(server);
});

describe('the Credentials provider', () => {
  type Authorize = (
    input: Record<string, string>,
    request?: { headers: Record<string, string> },
  ) => Promise<User | null>;
  const authorize = (
    organizations: SignInOrganization[] | null = ORGANIZATIONS,
    config = parseWebConfig(process.env),
  ) => {
    const provider = authOptions(organizations, undefined, config).providers[0] as unknown as {
      options: { authorize: Authorize };
    };
    return provider.options.authorize;
  };
  const attempt = (fields: Record<string, string>, organizations?: SignInOrganization[] | null) =>
    authorize(organizations)({ password: 'pw', ...fields }).then(
      (value) => ({ user: value }),
      (error: Error) => ({ error: error.message }),
    );

  it('signs a member in through their organization', async () => {
    const result = await attempt({ organization: 'ofa', email: 'member@ofa.example' });
    expect(result).toEqual({
      user: expect.objectContaining({
        accessToken: 'api-token',
        viewer: expect.objectContaining({ organization: 'ofa', method: 'password' }),
      }),
    });
  });

  it('says what went wrong, in codes of the login page', async () => {
    expect(await attempt({ organization: 'ofa', email: 'nobody@ofa.example' })).toEqual({
      user: null,
    });
    expect(await attempt({ organization: 'ofa', email: 'member@dmtf.example' })).toEqual({
      error: 'not-member',
    });
    expect(await attempt({ organization: 'ofa', email: 'disabled@ofa.example' })).toEqual({
      error: 'disabled',
    });
    expect(await attempt({ organization: 'ofa', email: 'locked@ofa.example' })).toEqual({
      error: 'rate-limited',
    });
    expect(await attempt({ organization: 'xyz', email: 'member@ofa.example' })).toEqual({
      error: 'unknown-organization',
    });
    expect(await attempt({ organization: 'sso-only', email: 'member@ofa.example' })).toEqual({
      error: 'password-disabled',
    });
    expect(await attempt({ organization: 'ofa', email: 'member@ofa.example' }, null)).toEqual({
      error: 'api-unavailable',
    });
  });

  it('tells the API which browser signs in, signed with WEB_CLIENT_ADDRESS_SECRET', async () => {
    const secret = 'web-client-address-secret-of-32-characters';
    const request = {
      headers: { [BROWSER_ADDRESS_HEADER]: '198.51.100.5', 'x-forwarded-for': '203.0.113.1' },
    };
    await authorize(
      ORGANIZATIONS,
      parseWebConfig({ ...process.env, WEB_CLIENT_ADDRESS_SECRET: secret }),
    )({ organization: 'ofa', email: 'member@ofa.example', password: 'pw' }, request);
    const sent = receivedHeaders.get('/api/v1/auth/token member@ofa.example');
    expect(sent?.[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.5');
    const signature = sent?.[CLIENT_SIGNATURE_HEADER];
    expect(typeof signature).toBe('string');
    expect(verifyClientAddress(secret, '198.51.100.5', signature as string)).toBe('198.51.100.5');
  });

  it('sends no address without the secret', async () => {
    const request = { headers: { [BROWSER_ADDRESS_HEADER]: '198.51.100.5' } };
    await authorize()(
      { organization: 'dmtf', email: 'member@dmtf.example', password: 'pw' },
      request,
    );
    const sent = receivedHeaders.get('/api/v1/auth/token member@dmtf.example');
    expect(sent?.[CLIENT_ADDRESS_HEADER]).toBe(undefined);
    expect(sent?.[CLIENT_SIGNATURE_HEADER]).toBe(undefined);
  });

  it('lets only the portal operator in through the operator’s page', async () => {
    expect(await attempt({ organization: '', email: 'member@ofa.example' })).toEqual({
      error: 'not-operator',
    });
    const operator = await attempt({ organization: '', email: 'operator@liaison.example' });
    expect(operator).toEqual({
      user: expect.objectContaining({
        viewer: expect.objectContaining({ operator: true, organization: null }),
      }),
    });
  });
});

describe('single sign-on in the signIn callback', () => {
  const signIn = (idToken: string, nonce: typeof NONCE | null = NONCE) => {
    const user = { id: 'sub-1', email: 'a@ofa.example', name: 'A' } as User;
    const account = {
      provider: 'sso-ofa',
      type: 'oauth',
      providerAccountId: 'sub-1',
      id_token: idToken,
    } as Account;
    const callback = authOptions(ORGANIZATIONS, nonce ?? undefined).callbacks?.signIn;
    if (!callback) throw new Error('no signIn callback');
    return Promise.resolve(callback({ user, account })).then((result) => ({ result, user }));
  };

  it('exchanges the ID token with the API and keeps its answer for the session', async () => {
    const { result, user } = await signIn('good-id-token');
    expect(result).toBe(true);
    expect(received.at(-1)).toEqual({
      organization: 'ofa',
      idToken: 'good-id-token',
      nonceHandle: NONCE.nonceHandle,
    });
    expect(user).toMatchObject({
      accessToken: 'api-token',
      viewer: { organization: 'ofa', method: 'sso', memberships: [{ organization: 'ofa' }] },
    });
  });

  it('sends a refusal back to the organization’s login page with its reason', async () => {
    expect((await signIn('stranger-id-token')).result).toBe('/login/ofa?error=sso-not-member');
  });

  it('refuses a callback without the sign-in’s nonce, without asking the API', async () => {
    const before = received.length;
    expect((await signIn('good-id-token', null)).result).toBe('/login/ofa?error=sso-failed');
    expect(received).toHaveLength(before);
  });
});

describe('the browser’s address', () => {
  it('is the socket’s peer, whatever the browser claims', async () => {
    observeBrowserAddresses(parseWebConfig({}));
    const seen = createServer((req, res) => res.end(String(req.headers[BROWSER_ADDRESS_HEADER])));
    const origin = await listenOnLoopback(seen);
    try {
      const response = await fetch(`${origin}/`, {
        headers: { [BROWSER_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '203.0.113.66' },
      });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      await closeServer(seen);
    }
  });

  it('comes with a request id for the API: the balancer’s when plain, else a new one', async () => {
    observeBrowserAddresses(parseWebConfig({}));
    const seen = createServer((req, res) => res.end(JSON.stringify(requestIdHeaders(req.headers))));
    const origin = await listenOnLoopback(seen);
    try {
      const url = `${origin}/`;
      const idOf = async (headers: Record<string, string>) =>
        (JSON.parse(await (await fetch(url, { headers })).text()) as Record<string, string>)[
          'x-request-id'
        ];
      expect(await idOf({ 'x-request-id': 'lb-7f3a.1' })).toBe('lb-7f3a.1');
      expect(await idOf({})).toMatch(/^[0-9a-f-]{36}$/);
      expect(await idOf({ 'x-request-id': 'two words' })).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await closeServer(seen);
    }
  });

  it('is the last X-Forwarded-For hop only behind a trusted proxy', () => {
    expect(browserAddressOf('10.0.0.2', '203.0.113.66, 198.51.100.9', true)).toBe('198.51.100.9');
    expect(browserAddressOf('10.0.0.2', '203.0.113.66, 198.51.100.9', false)).toBe('10.0.0.2');
    expect(browserAddressOf('::ffff:10.0.0.2', undefined, true)).toBe('10.0.0.2');
    expect(browserAddressOf(undefined, undefined, false)).toBe(undefined);
  });
});
