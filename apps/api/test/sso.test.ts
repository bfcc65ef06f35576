import { hashPassword } from '@liaison/core/server';
import { DEMO_PASSWORD } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { applySsoSettings } from '../src/services/auth/configure-organization-sso.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
import { invalidation } from './notified-caches.js';
import { type OidcTestProvider, startOidcProvider } from './oidc-provider.js';

// Single sign-on against real OpenID Connect providers (oidc-provider) on loopback: the
// authorization-code flow runs for real, and the API verifies the ID tokens it is given.

const WEB_CLIENT = {
  clientId: 'liaison-web',
  clientSecret: 'web-client-secret',
  redirectUris: ['http://localhost:3000/api/auth/callback/sso-ofa'],
};
const OTHER_CLIENT = {
  clientId: 'another-application',
  clientSecret: 'another-secret',
  redirectUris: ['http://localhost:3999/callback'],
};

const ACCOUNTS = {
  'ofa-admin': { email: 'Admin@OFA.example', name: 'Alice at OFA' },
  // Member of OFA (editor) and of the DMTF (admin): through OFA's IdP she is OFA's editor only.
  'two-orgs': { email: 'both@alliance.example', name: 'Bo Th' },
  // The portal operator, who is also an OFA member: no operator rights through OFA's IdP.
  'operator-member': { email: 'opmember@liaison.example', name: 'Op Member' },
  'snia-member': { email: 'member@snia.example' },
  nobody: { email: 'nobody@nowhere.example' },
  disabled: { email: 'disabled@ofa.example' },
  unverified: { email: 'member@ofa.example', emailVerified: false },
  'no-email': { name: 'No Mail' },
};

let api: RunningApi;
let idp: OidcTestProvider;
let otherIdp: OidcTestProvider;
let operator: TestClient;

/** What the web app holds after the identity provider sent the person back. */
interface SignedIn {
  idToken: string;
  nonceHandle: string;
}

/** The web app's first step: a nonce for the authorization request, and its handle. */
async function startSignIn(): Promise<{ nonce: string; nonceHandle: string }> {
  const response = await fetch(`${api.url}/api/v1/auth/oidc/nonce`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { nonce: string; nonceHandle: string };
}

/** A whole sign-in at `provider` as `login`, started at the API as the web app does. */
async function signInAt(
  provider: OidcTestProvider,
  login: string,
  clientId = WEB_CLIENT.clientId,
): Promise<SignedIn> {
  const { nonce, nonceHandle } = await startSignIn();
  const { idToken } = await provider.signIn({ clientId, login, nonce });
  return { idToken, nonceHandle };
}

async function exchange(organization: string, signedIn: SignedIn) {
  const response = await fetch(`${api.url}/api/v1/auth/oidc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization, ...signedIn }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      accessToken: string;
      expiresAt: string;
      user: Record<string, unknown>;
      error: { code: string; message: string };
    },
  };
}

async function ssoClient(login: string, organization = 'ofa'): Promise<TestClient> {
  const answer = await exchange(organization, await signInAt(idp, login));
  if (answer.status !== 200) throw new Error(`SSO of ${login}: ${JSON.stringify(answer.body)}`);
  return new TestClient(api.url, answer.body.accessToken);
}

beforeAll(async () => {
  [api, idp, otherIdp] = await Promise.all([
    startApi(),
    startOidcProvider({ clients: [WEB_CLIENT, OTHER_CLIENT], accounts: ACCOUNTS }),
    // Another issuer with a client of the same id: its tokens must not pass as OFA's.
    startOidcProvider({ clients: [WEB_CLIENT], accounts: ACCOUNTS }),
  ]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await api.pool.query(
    `insert into users (email, name, password_hash, is_operator, disabled_at) values
       ('both@alliance.example', 'Bo Th', $1, false, null),
       ('opmember@liaison.example', 'Op Member', $1, true, null),
       ('disabled@ofa.example', 'Dis Abled', $1, false, now())`,
    [passwordHash],
  );
  await api.pool.query(
    `insert into memberships (user_id, organization_id, role)
     select u.id, o.id, m.role
       from (values ('both@alliance.example', 'ofa', 'editor'),
                    ('both@alliance.example', 'dmtf', 'admin'),
                    ('opmember@liaison.example', 'ofa', 'member'),
                    ('disabled@ofa.example', 'ofa', 'member')) as m(email, org, role)
       join users u on u.email = m.email
       join organizations o on o.slug = m.org`,
  );
  operator = await TestClient.signIn(api.url, 'operator@liaison.example');
  const configured = await operator.json('PUT', '/api/v1/organizations/ofa/sso', {
    issuer: idp.issuer,
    clientId: WEB_CLIENT.clientId,
  });
  expect(configured.status).toBe(200);
});

afterAll(async () => {
  await Promise.all([api?.close(), idp?.close(), otherIdp?.close()]);
});

describe('organizations and their ways in', () => {
  it('lists each organization with password and single sign-on settings', async () => {
    const list = await new TestClient(api.url).json<{ items: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/organizations',
    );
    expect(list.status).toBe(200);
    const bySlug = new Map(list.body.items.map((item) => [item.slug, item]));
    expect(bySlug.get('ofa')).toMatchObject({
      name: 'OpenFabrics Alliance',
      signIn: { password: true, sso: { issuer: idp.issuer, clientId: 'liaison-web' } },
    });
    expect(bySlug.get('dmtf')).toMatchObject({ signIn: { password: true, sso: null } });
    expect(JSON.stringify(list.body)).not.toContain('secret');
  });

  it('answers one organization by slug, and 404 for an unknown one', async () => {
    const anonymous = new TestClient(api.url);
    const ofa = await anonymous.json('GET', '/api/v1/organizations/ofa');
    expect(ofa.status).toBe(200);
    expect(ofa.body).toEqual({
      slug: 'ofa',
      name: 'OpenFabrics Alliance',
      description: expect.any(String),
      signIn: { password: true, sso: { issuer: idp.issuer, clientId: 'liaison-web' } },
    });
    const unknown = await anonymous.json<{ error: { code: string } }>(
      'GET',
      '/api/v1/organizations/xyz',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await anonymous.json('GET', '/api/v1/organizations/Not_A_Slug')).status).toBe(400);
  });
});

describe('configuring single sign-on', () => {
  it('is for the portal operator only', async () => {
    const body = { issuer: 'https://idp.dmtf.example', clientId: 'liaison' };
    const admin = await TestClient.signIn(api.url, 'admin@dmtf.example');
    expect((await admin.json('PUT', '/api/v1/organizations/dmtf/sso', body)).status).toBe(403);
    expect((await admin.json('DELETE', '/api/v1/organizations/dmtf/sso')).status).toBe(403);
    const anonymous = new TestClient(api.url);
    expect((await anonymous.json('PUT', '/api/v1/organizations/dmtf/sso', body)).status).toBe(401);
  });

  it('refuses insecure issuers, bad client ids, unknown fields and unknown organizations', async () => {
    const put = (slug: string, body: unknown) =>
      operator.json('PUT', `/api/v1/organizations/${slug}/sso`, body);
    for (const body of [
      { issuer: 'http://idp.example.com', clientId: 'x' },
      { issuer: 'https://idp.example.com?x=1', clientId: 'x' },
      { issuer: 'ftp://idp.example.com', clientId: 'x' },
      { issuer: 'https://idp.example.com', clientId: '' },
      { issuer: 'https://idp.example.com', clientId: 'has space' },
      { issuer: 'https://idp.example.com', clientId: 'x', clientSecret: 'never here' },
      { issuer: 'https://idp.example.com' },
    ]) {
      expect((await put('snia', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await put('no-such-org', { issuer: 'https://idp.example.com', clientId: 'x' })).status,
    ).toBe(404);
    const snia = await new TestClient(api.url).json('GET', '/api/v1/organizations/snia');
    expect(snia.body).toMatchObject({ signIn: { sso: null } });
  });

  it('sets and removes the provider, audited', async () => {
    const set = await operator.json('PUT', '/api/v1/organizations/snia/sso', {
      issuer: 'https://login.snia.example/realms/snia',
      clientId: 'liaison',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      slug: 'snia',
      signIn: {
        password: true,
        sso: { issuer: 'https://login.snia.example/realms/snia', clientId: 'liaison' },
      },
    });
    const removed = await operator.json('DELETE', '/api/v1/organizations/snia/sso');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ signIn: { sso: null } });

    const events = await operator.json<{ items: { action: string; details: unknown }[] }>(
      'GET',
      '/api/v1/audit?organization=snia',
    );
    const actions = events.body.items.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['organization.sso-configure', 'organization.sso-remove']),
    );
  });

  it('can come from the environment, applied at start-up', async () => {
    const config = loadConfig({
      AUTH_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://localhost/x',
      S3_ENDPOINT: 'http://localhost:9000',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
      SSO_SNIA_ISSUER: 'https://login.snia.example',
      SSO_SNIA_CLIENT_ID: 'liaison-from-env',
      SSO_SNIA_CLIENT_SECRET: 'belongs to the web app',
      SSO_NO_SUCH_ORG_ISSUER: 'https://login.nowhere.example',
      SSO_NO_SUCH_ORG_CLIENT_ID: 'x',
    });
    expect(config.sso).toEqual([
      { organization: 'no-such-org', issuer: 'https://login.nowhere.example', clientId: 'x' },
      { organization: 'snia', issuer: 'https://login.snia.example', clientId: 'liaison-from-env' },
    ]);
    expect(await applySsoSettings(api.pool, config.sso)).toEqual({
      changed: ['snia'],
      unknown: ['no-such-org'],
    });
    // Applying the same settings again changes nothing.
    expect(await applySsoSettings(api.pool, config.sso)).toEqual({
      changed: [],
      unknown: ['no-such-org'],
    });
    const snia = await new TestClient(api.url).json('GET', '/api/v1/organizations/snia');
    expect(snia.body).toMatchObject({
      signIn: { sso: { issuer: 'https://login.snia.example', clientId: 'liaison-from-env' } },
    });
    await operator.json('DELETE', '/api/v1/organizations/snia/sso');
  });

  it('refuses half or insecure settings in the environment, naming the variables', () => {
    const base = {
      AUTH_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://localhost/x',
      S3_ENDPOINT: 'http://localhost:9000',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
    };
    expect(() => loadConfig({ ...base, SSO_OFA_ISSUER: 'https://idp.example' })).toThrow(
      /SSO_OFA_ISSUER and SSO_OFA_CLIENT_ID must be set together/,
    );
    expect(() =>
      loadConfig({ ...base, SSO_OFA_ISSUER: 'http://idp.example', SSO_OFA_CLIENT_ID: 'x' }),
    ).toThrow(/SSO_OFA_ISSUER must be an https URL/);
    expect(
      loadConfig({ ...base, SSO_OFA_ISSUER: 'http://127.0.0.1:9999', SSO_OFA_CLIENT_ID: 'x' }).sso,
    ).toEqual([{ organization: 'ofa', issuer: 'http://127.0.0.1:9999', clientId: 'x' }]);
  });
});

describe('POST /api/v1/auth/oidc', () => {
  it('signs a member in with an ID token from their organization’s provider', async () => {
    const signedIn = await signInAt(idp, 'ofa-admin');
    const before = Date.now();
    const answer = await exchange('ofa', signedIn);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toEqual({
      id: expect.any(String),
      email: 'admin@ofa.example',
      name: 'OFA Admin',
      memberships: [{ organization: 'ofa', role: 'admin' }],
      operator: false,
    });
    expect(Date.parse(answer.body.expiresAt)).toBeGreaterThan(before);
    // The token works, as OFA's admin.
    const client = new TestClient(api.url, answer.body.accessToken);
    const created = await client.json('POST', '/api/v1/documents', {
      organization: 'ofa',
      identifier: 'OFA-SSO-1',
      title: 'Made after single sign-on',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(created.status).toBe(201);
  });

  it('scopes the token to that organization: other memberships are left out', async () => {
    // With her password she is OFA's editor and the DMTF's admin.
    const withPassword = await TestClient.signIn(api.url, 'both@alliance.example');
    const dmtfDocument = await withPassword.json<{ id: string }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-SCOPE-1',
      title: 'A DMTF-internal draft',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(dmtfDocument.status).toBe(201);

    const signedIn = await signInAt(idp, 'two-orgs');
    const answer = await exchange('ofa', signedIn);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({
      email: 'both@alliance.example',
      memberships: [{ organization: 'ofa', role: 'editor' }],
      operator: false,
    });

    const scoped = new TestClient(api.url, answer.body.accessToken);
    // The DMTF document is invisible through OFA's sign-in ...
    expect((await scoped.json('GET', `/api/v1/documents/${dmtfDocument.body.id}`)).status).toBe(
      404,
    );
    const listed = await scoped.json<{ items: { id: string }[] }>('GET', '/api/v1/documents');
    expect(listed.body.items.map((item) => item.id)).not.toContain(dmtfDocument.body.id);
    // ... and so are the DMTF admin's rights; OFA's editor rights remain.
    const inDmtf = await scoped.json('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-SCOPE-2',
      title: 'Not through OFA',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect([403, 404]).toContain(inDmtf.status);
    const inOfa = await scoped.json('POST', '/api/v1/documents', {
      organization: 'ofa',
      identifier: 'OFA-SCOPE-1',
      title: 'Through OFA',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(inOfa.status).toBe(201);
    // A personal API token would act in every organization: not from a scoped session.
    const token = await scoped.json<{ error: { code: string } }>('POST', '/api/v1/tokens', {
      name: 'escape the scope',
    });
    expect(token.status).toBe(403);
    expect(token.body.error.code).toBe('scoped_session');
    // Nor does the DMTF admin role reach member management, and /me says what the session holds.
    expect((await scoped.json('GET', '/api/v1/organizations/dmtf/members')).status).toBe(403);
    const addToDmtf = await scoped.json('POST', '/api/v1/organizations/dmtf/members', {
      email: 'smuggled@alliance.example',
      role: 'admin',
    });
    expect(addToDmtf.status).toBe(403);
    const inviteToDmtf = await scoped.json('POST', '/api/v1/organizations/dmtf/invitations', {
      email: 'smuggled@alliance.example',
      role: 'admin',
    });
    expect(inviteToDmtf.status).toBe(403);
    const me = await scoped.json<{ memberships: unknown[]; operator: boolean }>(
      'GET',
      '/api/v1/me',
    );
    expect(me.body).toMatchObject({
      memberships: [{ organization: 'ofa', role: 'editor' }],
      operator: false,
    });
    // The password session is unaffected.
    expect(
      (await withPassword.json('GET', `/api/v1/documents/${dmtfDocument.body.id}`)).status,
    ).toBe(200);
  });

  it('never carries operator rights', async () => {
    const scoped = await ssoClient('operator-member');
    const answer = await scoped.json('PUT', '/api/v1/organizations/ofa/sso', {
      issuer: 'https://evil.example',
      clientId: 'x',
    });
    expect(answer.status).toBe(403);
    const withPassword = await TestClient.signIn(api.url, 'opmember@liaison.example');
    const audit = await withPassword.json('GET', '/api/v1/audit?limit=1');
    expect(audit.status).toBe(200);
    const scopedAudit = await scoped.json<{ items: unknown[] }>('GET', '/api/v1/audit?limit=50');
    // An OFA member reads no audit events (only admins and the operator do).
    if (scopedAudit.status === 200) expect(scopedAudit.body.items).toEqual([]);
    else expect(scopedAudit.status).toBe(403);
  });

  it('refuses someone who is not a member of that organization, the same way for unknown people', async () => {
    const stranger = await signInAt(idp, 'snia-member');
    const unknown = await signInAt(idp, 'nobody');
    const a = await exchange('ofa', stranger);
    const b = await exchange('ofa', unknown);
    expect(a.status).toBe(401);
    expect(a.body.error.code).toBe('sso_not_member');
    expect(b.status).toBe(401);
    expect(b.body.error.code).toBe('sso_not_member');
    // The operator exists but is a member of nothing.
    const operatorAccount = await startOidcProvider({
      clients: [WEB_CLIENT],
      accounts: { op: { email: 'operator@liaison.example' } },
    });
    try {
      await operator.json('PUT', '/api/v1/organizations/dmtf/sso', {
        issuer: operatorAccount.issuer,
        clientId: WEB_CLIENT.clientId,
      });
      const op = await signInAt(operatorAccount, 'op');
      const answer = await exchange('dmtf', op);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('sso_not_member');
    } finally {
      await operator.json('DELETE', '/api/v1/organizations/dmtf/sso');
      await operatorAccount.close();
    }
  });

  it('refuses a disabled account with a clear answer', async () => {
    const signedIn = await signInAt(idp, 'disabled');
    const answer = await exchange('ofa', signedIn);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({
      code: 'account_disabled',
      message: expect.stringMatching(/disabled/),
    });
  });

  it('refuses tokens from another issuer, for another audience, expired or too old', async () => {
    const fromOtherIssuer = await signInAt(otherIdp, 'ofa-admin');
    const forOtherAudience = await signInAt(idp, 'ofa-admin', OTHER_CLIENT.clientId);
    const { nonce, nonceHandle } = await startSignIn();
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: idp.issuer,
      aud: WEB_CLIENT.clientId,
      sub: 'ofa-admin',
      email: 'admin@ofa.example',
      email_verified: true,
      nonce,
    };
    const expired = await idp.signIdToken(claims, { issuedAt: now - 600, expiresAt: now - 300 });
    const tooOld = await idp.signIdToken(claims, { issuedAt: now - 3600, expiresAt: now + 3600 });
    const valid = await idp.signIdToken(claims);
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const tampered = `${header}.${Buffer.from(
      JSON.stringify({ ...claims, email: 'admin@dmtf.example', exp: now + 300, iat: now }),
    ).toString('base64url')}.${signature}`;
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;

    for (const [name, signedIn] of [
      ['another issuer', fromOtherIssuer],
      ['another audience', forOtherAudience],
      ['expired', { idToken: expired, nonceHandle }],
      ['too old', { idToken: tooOld, nonceHandle }],
      ['tampered', { idToken: tampered, nonceHandle }],
      ['unsigned', { idToken: unsigned, nonceHandle }],
      ['not a JWT', { idToken: 'not-a-jwt-at-all', nonceHandle }],
    ] as const) {
      const answer = await exchange('ofa', signedIn);
      expect(answer.status, name).toBe(401);
      expect(answer.body.error.code, name).toBe('sso_token_invalid');
    }
    expect((await exchange('ofa', { idToken: expired, nonceHandle })).body.error.message).toMatch(
      /expired/,
    );
    // The well-formed, properly signed token passes.
    expect((await exchange('ofa', { idToken: valid, nonceHandle })).status).toBe(200);
  });

  it('requires a verified e-mail address', async () => {
    const unverified = await signInAt(idp, 'unverified');
    const noEmail = await signInAt(idp, 'no-email');
    const a = await exchange('ofa', unverified);
    expect(a.status).toBe(401);
    expect(a.body.error).toEqual({
      code: 'sso_email_unverified',
      message: 'Your identity provider has not verified your e-mail address',
    });
    const b = await exchange('ofa', noEmail);
    expect(b.status).toBe(401);
    expect(b.body.error.code).toBe('sso_email_missing');
    // A provider that does not say whether it verified the address has not verified it.
    const { nonce, nonceHandle } = await startSignIn();
    const unsaid = await idp.signIdToken({
      iss: idp.issuer,
      aud: WEB_CLIENT.clientId,
      sub: 'ofa-admin',
      email: 'admin@ofa.example',
      nonce,
    });
    const c = await exchange('ofa', { idToken: unsaid, nonceHandle });
    expect(c.status).toBe(401);
    expect(c.body.error.code).toBe('sso_email_unverified');
  });

  it('binds the ID token to the sign-in that asked for it: its nonce, its handle, once', async () => {
    // A token without a nonce (a sign-in not started at the API) is refused.
    const { nonceHandle } = await startSignIn();
    const { idToken: withoutNonce } = await idp.signIn({
      clientId: WEB_CLIENT.clientId,
      login: 'ofa-admin',
    });
    const a = await exchange('ofa', { idToken: withoutNonce, nonceHandle });
    expect(a.status).toBe(401);
    expect(a.body.error.code).toBe('sso_nonce_invalid');

    // A token of one sign-in with the handle of another is refused, and uses up neither.
    const first = await signInAt(idp, 'ofa-admin');
    const second = await signInAt(idp, 'ofa-admin');
    const crossed = await exchange('ofa', {
      idToken: first.idToken,
      nonceHandle: second.nonceHandle,
    });
    expect(crossed.status).toBe(401);
    expect(crossed.body.error.code).toBe('sso_nonce_invalid');

    // The token with its own handle works once; replaying it (leaked, say) is refused.
    expect((await exchange('ofa', first)).status).toBe(200);
    const replayed = await exchange('ofa', first);
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toEqual({
      code: 'sso_nonce_invalid',
      message: expect.stringMatching(/already used/),
    });
    expect((await exchange('ofa', second)).status).toBe(200);

    // Without a handle, or with a malformed one, the request is refused as it stands.
    const third = await signInAt(idp, 'ofa-admin');
    for (const body of [
      { organization: 'ofa', idToken: third.idToken },
      { organization: 'ofa', idToken: third.idToken, nonceHandle: 'short' },
    ]) {
      const response = await fetch(`${api.url}/api/v1/auth/oidc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_input',
      );
    }
    // Those refusals used up nothing: the sign-in still completes.
    expect((await exchange('ofa', third)).status).toBe(200);
  });

  it('issues a different nonce for every sign-in, and keeps only its hash-linked handle secret', async () => {
    const a = await startSignIn();
    const b = await startSignIn();
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.nonceHandle).not.toBe(a.nonce);
    const stored = await api.pool.query<{ nonce: string }>('select nonce from oidc_nonces');
    const values = stored.rows.map((row) => row.nonce);
    expect(values).toEqual(expect.arrayContaining([a.nonce, b.nonce]));
    expect(values).not.toContain(a.nonceHandle);
  });

  it('refuses an organization without single sign-on, and an unknown one, alike', async () => {
    const signedIn = await signInAt(idp, 'two-orgs');
    for (const organization of ['dmtf', 'no-such-org']) {
      const answer = await exchange(organization, signedIn);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('sso_not_configured');
    }
    expect((await exchange('NOT A SLUG', signedIn)).status).toBe(400);
  });

  it('answers 503 when the identity provider cannot be reached', async () => {
    const gone = await startOidcProvider({ clients: [WEB_CLIENT], accounts: ACCOUNTS });
    const signedIn = await signInAt(gone, 'ofa-admin');
    await operator.json('PUT', '/api/v1/organizations/snia/sso', {
      issuer: gone.issuer,
      clientId: WEB_CLIENT.clientId,
    });
    await gone.close();
    try {
      const answer = await exchange('snia', signedIn);
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('dependency_unavailable');
    } finally {
      await operator.json('DELETE', '/api/v1/organizations/snia/sso');
    }
  });

  it('records sign-ins and refusals in the audit log', async () => {
    const events = await operator.json<{
      items: { action: string; actor: string | null; organization: string; details: unknown }[];
    }>('GET', '/api/v1/audit?organization=ofa&limit=500');
    const logins = events.body.items.filter((event) => event.action === 'auth.login');
    expect(logins).toContainEqual(
      expect.objectContaining({
        actor: 'admin@ofa.example',
        organization: 'ofa',
        details: expect.objectContaining({ method: 'sso', issuer: idp.issuer }),
      }),
    );
    const failures = events.body.items.filter((event) => event.action === 'auth.login-failed');
    const reasons = failures.map((event) => (event.details as { reason: string }).reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'sso_not_member',
        'account_disabled',
        'sso_token_invalid',
        'sso_email_unverified',
        'sso_nonce_invalid',
      ]),
    );
  });

  it('stops working when the membership is removed', async () => {
    const scoped = await ssoClient('two-orgs');
    expect((await scoped.json('GET', '/api/v1/documents?organization=ofa')).status).toBe(200);
    // Removed in the database, it counts once the API hears of the change (caller-cache.ts).
    const heard = invalidation(api.app.callerCache, 'memberships');
    await api.pool.query(
      `delete from memberships where user_id = (select id from users where email = 'both@alliance.example')
         and organization_id = (select id from organizations where slug = 'ofa')`,
    );
    await heard;
    const created = await scoped.json('POST', '/api/v1/documents', {
      organization: 'ofa',
      identifier: 'OFA-SCOPE-GONE',
      title: 'After removal',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect([403, 404]).toContain(created.status);
  });
});

describe('removing a member who signed in through the organization', () => {
  it('ends their sessions scoped to it at once, and no other session', async () => {
    const scoped = await ssoClient('operator-member');
    const unscoped = await TestClient.signIn(api.url, 'opmember@liaison.example');
    const otherScoped = await ssoClient('ofa-admin');
    expect((await scoped.json('GET', '/api/v1/me')).status).toBe(200);

    const admin = await TestClient.signIn(api.url, 'admin@ofa.example');
    const me = await unscoped.json<{ id: string }>('GET', '/api/v1/me');
    const removed = await admin.fetch(`/api/v1/organizations/ofa/members/${me.body.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);

    const after = await scoped.json<{ error: { code: string } }>('GET', '/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_ended');
    // The password session carries every membership, read fresh per request: OFA's is gone.
    const unscopedMe = await unscoped.json<{ memberships: unknown[] }>('GET', '/api/v1/me');
    expect(unscopedMe.status).toBe(200);
    expect(unscopedMe.body.memberships).toEqual([]);
    expect((await otherScoped.json('GET', '/api/v1/me')).status).toBe(200);
  });
});

describe('password sign-in of a disabled account', () => {
  it('says the account is disabled for the right password, and nothing for a wrong one', async () => {
    const signIn = async (password: string) => {
      const response = await fetch(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'disabled@ofa.example', password }),
      });
      return { status: response.status, body: await response.json() };
    };
    const right = await signIn(DEMO_PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body).toEqual({
      error: { code: 'account_disabled', message: expect.stringMatching(/disabled/) },
    });
    const wrong = await signIn('not-the-password');
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'Wrong e-mail address or password' } },
    });
  });
});
