/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a free loopback port, for tests
 * of single sign-on: API tests drive its authorization-code flow headlessly with fetch, and
 * browser tests can sign in through its login form (oidc-provider's development interactions: the
 * "login" field is the account id; any password is accepted; consent is given automatically).
 *
 * Reusable from other workspaces (e.g. the browser e2e suite):
 *
 *   const idp = await startOidcProvider({
 *     clients: [{ clientId: 'liaison-web', clientSecret: 's3cret',
 *                 redirectUris: ['http://localhost:3000/api/auth/callback/sso-ofa'] }],
 *     accounts: { alice: { email: 'admin@ofa.example', name: 'Alice' } },
 *   });
 *   // idp.issuer → SSO_OFA_ISSUER (API) and the web's provider; idp.close() at the end.
 */

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcTestAccount {
  email?: string;
  /** Defaults to true; false makes the provider say the address is unverified. */
  emailVerified?: boolean;
  name?: string;
}

export interface OidcTestProvider {
  /** The issuer identifier, e.g. http://127.0.0.1:40123 (no trailing slash). */
  issuer: string;
  provider: Provider;
  /**
   * Runs the authorization-code flow as a browser would, signing in as `login` (an account id),
   * and exchanges the code at the token endpoint as the client does. Answers the token response.
   */
  signIn(options: {
    clientId: string;
    login: string;
    redirectUri?: string;
    scope?: string;
    /** Sent in the authorization request; the provider puts it in the ID token. */
    nonce?: string;
  }): Promise<{ idToken: string; accessToken: string }>;
  /** Signs an arbitrary ID token with the provider's own key (for expired or odd tokens). */
  signIdToken(
    claims: Record<string, unknown>,
    options?: { expiresAt?: number; issuedAt?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  clients: OidcTestClient[];
  accounts: Record<string, OidcTestAccount>;
}): Promise<OidcTestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = {
    ...(await exportJWK(privateKey)),
    kid: `test-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    async findAccount(_ctx, id) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email !== undefined
              ? { email: account.email, email_verified: account.emailVerified ?? true }
              : {}),
            ...(account.name !== undefined ? { name: account.name } : {}),
          };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the scopes' claims (email, name) in the ID token itself, as most real providers do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // First-party sign-in: consent is implied, so the only screen is the login form.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Quiet: oidc-provider renders its own error pages; tests read statuses and redirects.
    async renderError(ctx, out) {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());

  async function signIn({
    clientId,
    login,
    redirectUri,
    scope = 'openid email profile',
    nonce,
  }: {
    clientId: string;
    login: string;
    redirectUri?: string;
    scope?: string;
    nonce?: string;
  }) {
    const client = options.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) throw new Error(`No test client ${clientId}`);
    const redirect = redirectUri ?? client.redirectUris[0]!;
    const jar = new CookieJar();
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const authorize = new URL(`${issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirect,
      response_type: 'code',
      scope,
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(nonce ? { nonce } : {}),
    }).toString();

    // The browser's part: follow the redirects, post the login form, end at the redirect URI.
    let response = await jar.fetch(authorize.href);
    let location = response.headers.get('location');
    for (let hop = 0; hop < 10 && location && !location.startsWith(redirect); hop++) {
      const url = new URL(location, issuer);
      const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
      response = interaction
        ? await jar.fetch(url.href, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
          })
        : await jar.fetch(url.href);
      location = response.headers.get('location');
    }
    if (!location?.startsWith(redirect)) {
      throw new Error(
        `The provider did not redirect back: ${response.status} ${await response.text()}`,
      );
    }
    const callback = new URL(location);
    if (callback.searchParams.get('state') !== state) throw new Error('state mismatch');
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`No code in ${location}`);

    // The relying party's part: exchange the code at the token endpoint.
    const tokenResponse = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(clientId)}:${encodeURIComponent(client.clientSecret)}`,
        ).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        code_verifier: verifier,
      }).toString(),
    });
    const tokens = (await tokenResponse.json()) as { id_token?: string; access_token?: string };
    if (!tokens.id_token || !tokens.access_token) {
      throw new Error(`Token exchange failed: ${JSON.stringify(tokens)}`);
    }
    return { idToken: tokens.id_token, accessToken: tokens.access_token };
  }

  return {
    issuer,
    provider,
    signIn,
    async signIdToken(claims, times = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid! })
        .setIssuedAt(times.issuedAt ?? now)
        .setExpirationTime(times.expiresAt ?? now + 300)
        .sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Just enough of a browser's cookie handling for one origin: redirects are not followed. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
