import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { apiBaseUrl } from '../api';
import { callerHeaders, signedBrowserAddress } from '../browser-address';
import { type WebConfig, webConfig } from '../config';
import { endApiSession } from './end-api-session';
import { resolveOrganization, type SignInOrganization, ssoClientSecret } from './organizations';
import { ssoErrorCode } from './sign-in-errors';
import type { SsoNonce } from './sso-nonce';
import type { Viewer } from './viewer';

/**
 * next-auth, configured per request: e-mail and password (Credentials, checked by the API) for
 * every organization that allows it, plus one OpenID Connect provider (`sso-<slug>`) per
 * organization whose identity provider is configured in the API and whose client secret the web
 * app has (SSO_<SLUG>_CLIENT_SECRET). Whatever the way in, the session holds the API's access
 * token, in the encrypted HttpOnly session cookie only.
 */

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const API_TIMEOUT_MS = 10_000;
export const SSO_PROVIDER_PREFIX = 'sso-';

/** The organization field's value on the portal operator's own login form. */
export const OPERATOR_LOGIN = '';

interface TokenAnswer {
  accessToken: string;
  expiresAt: string;
  user: Omit<Viewer, 'organization' | 'method'>;
}

type ApiAnswer = { ok: true; answer: TokenAnswer } | { ok: false; status: number; code?: string };

/**
 * POSTs a sign-in to the API, for the browser the signed `browserAddress` headers name: the
 * API's limits on failed sign-ins count per browser, not per web server.
 */
async function postToApi(
  path: string,
  body: unknown,
  browserAddress: Record<string, string>,
): Promise<ApiAnswer> {
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl()}${path}`, {
      method: 'POST',
      headers: {
        ...browserAddress,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, status: 0 };
  }
  if (response.ok) {
    try {
      return { ok: true, answer: (await response.json()) as TokenAnswer };
    } catch {
      return { ok: false, status: 502 };
    }
  }
  const error = (await response.json().catch(() => null)) as { error?: { code?: unknown } } | null;
  const code = typeof error?.error?.code === 'string' ? error.error.code : undefined;
  return { ok: false, status: response.status, ...(code ? { code } : {}) };
}

function sessionUser(
  answer: TokenAnswer,
  organization: string | null,
  method: Viewer['method'],
): User {
  return {
    id: answer.user.id,
    email: answer.user.email,
    name: answer.user.name,
    viewer: { ...answer.user, organization, method },
    accessToken: answer.accessToken,
    accessTokenExpiresAt: answer.expiresAt,
  };
}

function credentialsProvider(
  organizations: readonly SignInOrganization[] | null,
  config: WebConfig,
) {
  return CredentialsProvider({
    id: 'credentials',
    name: 'E-mail and password',
    credentials: {
      organization: { label: 'Organization', type: 'text' },
      email: { label: 'E-mail', type: 'email' },
      password: { label: 'Password', type: 'password' },
    },
    // Errors are thrown as codes of sign-in-errors.ts; the route sends them to the login page.
    async authorize(input, request) {
      const email = input?.email?.trim() ?? '';
      const password = input?.password ?? '';
      const typed = input?.organization?.trim() ?? OPERATOR_LOGIN;
      if (!email || !password) return null;

      let organization: SignInOrganization | undefined;
      if (typed !== OPERATOR_LOGIN) {
        if (organizations === null) throw new Error('api-unavailable');
        organization = resolveOrganization(organizations, typed);
        if (!organization) throw new Error('unknown-organization');
        if (!organization.signIn.password) throw new Error('password-disabled');
      }

      const result = await postToApi(
        '/api/v1/auth/token',
        { email, password },
        signedBrowserAddress(request?.headers ?? {}, config),
      );
      if (!result.ok) {
        if (result.status === 401 || result.status === 400) return null;
        if (result.status === 429) throw new Error('rate-limited');
        if (result.status === 403) throw new Error('disabled');
        throw new Error('api-unavailable');
      }
      const { answer } = result;
      if (!organization) {
        if (!answer.user.operator) throw new Error('not-operator');
        return sessionUser(answer, null, 'password');
      }
      const member = answer.user.memberships.some(
        (membership) => membership.organization === organization.slug,
      );
      if (!member && !answer.user.operator) throw new Error('not-member');
      return sessionUser(answer, member ? organization.slug : null, 'password');
    },
  });
}

interface IdTokenClaims {
  sub: string;
  email?: string;
  name?: string;
}

/**
 * The organization's identity provider as a next-auth OpenID Connect provider. `nonce` is this
 * sign-in's (sso-nonce.ts): sent in the authorization request when it starts, and required in
 * the ID token when the person comes back; without one, no ID token is accepted.
 */
function ssoProvider(
  organization: SignInOrganization,
  sso: { issuer: string; clientId: string },
  clientSecret: string,
  nonce: SsoNonce | undefined,
): OAuthConfig<IdTokenClaims> {
  return {
    id: `${SSO_PROVIDER_PREFIX}${organization.slug}`,
    name: `${organization.name} single sign-on`,
    type: 'oauth',
    wellKnown: `${sso.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    clientId: sso.clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: {
      params: { scope: 'openid email profile', ...(nonce ? { nonce: nonce.nonce } : {}) },
    },
    token: {
      // next-auth's own nonce check would keep a nonce of its making; this one is the API's.
      async request({ client, params, checks, provider }) {
        const tokens = await client.callback(provider.callbackUrl, params, {
          ...checks,
          nonce: nonce?.nonce ?? NO_NONCE,
        });
        return { tokens };
      },
    },
    // Who the person is in Liaison is the API's decision (signIn callback); this is a placeholder.
    profile: (claims) => ({
      id: claims.sub,
      email: claims.email ?? null,
      name: claims.name ?? null,
    }),
  };
}

/** Never a token's nonce: a callback without a nonce of ours fails openid-client's check. */
const NO_NONCE = 'no nonce was issued for this sign-in';

export function ssoProviders(
  organizations: readonly SignInOrganization[] | null,
  config: WebConfig = webConfig(),
  nonce?: SsoNonce,
): OAuthConfig<IdTokenClaims>[] {
  const providers: OAuthConfig<IdTokenClaims>[] = [];
  for (const organization of organizations ?? []) {
    const sso = organization.signIn.sso;
    const secret = ssoClientSecret(organization.slug, config);
    if (sso && secret) providers.push(ssoProvider(organization, sso, secret, nonce));
  }
  return providers;
}

/** Whether NEXTAUTH_URL is https: then every cookie is Secure (and __Secure-/__Host- prefixed). */
export function secureCookies(config: WebConfig = webConfig()): boolean {
  return (config.publicUrl ?? '').toLowerCase().startsWith('https://');
}

/**
 * The options for one request. `organizations` (from lib/auth/organizations.ts) decides which
 * providers exist; without it (reading a session, signing out) only the Credentials one does.
 * `ssoNonce` is the nonce of a single sign-on that starts or comes back with this request.
 */
export function authOptions(
  organizations: readonly SignInOrganization[] | null = [],
  ssoNonce?: SsoNonce,
  config: WebConfig = webConfig(),
): AuthOptions {
  return {
    // The web app's own secret for its session cookie (distinct from the API's token secret).
    secret: config.sessionSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    // next-auth's default cookies: HttpOnly and SameSite=Lax, Secure when NEXTAUTH_URL is https.
    useSecureCookies: secureCookies(config),
    providers: [
      credentialsProvider(organizations, config),
      ...ssoProviders(organizations, config, ssoNonce),
    ],
    events: {
      // Signing out of the web app ends the API session too, not just the cookie.
      signOut: ({ token }) => endApiSession(token?.accessToken),
    },
    callbacks: {
      async signIn({ user, account }) {
        if (!account?.provider.startsWith(SSO_PROVIDER_PREFIX)) return true;
        // Single sign-on: the API verifies the ID token itself and decides who this is.
        const slug = account.provider.slice(SSO_PROVIDER_PREFIX.length);
        const back = (code: string) => `/login/${encodeURIComponent(slug)}?error=${code}`;
        if (typeof account.id_token !== 'string' || !ssoNonce) return back('sso-failed');
        const result = await postToApi(
          '/api/v1/auth/oidc',
          { organization: slug, idToken: account.id_token, nonceHandle: ssoNonce.nonceHandle },
          await callerHeaders(),
        );
        if (!result.ok) return back(ssoErrorCode(result.status, result.code));
        // The same object reaches the jwt callback next.
        Object.assign(user, sessionUser(result.answer, slug, 'sso'));
        return true;
      },
      async jwt({ token, user }) {
        if (user?.viewer && user.accessToken && user.accessTokenExpiresAt) {
          token.sub = user.viewer.id;
          token.name = user.viewer.name;
          token.email = user.viewer.email;
          token.viewer = user.viewer;
          token.accessToken = user.accessToken;
          token.accessTokenExpiresAt = user.accessTokenExpiresAt;
        }
        return token;
      },
      async session({ session, token }) {
        // The access token stays in the encrypted cookie; the session scripts can read holds none.
        if (token.viewer) session.viewer = token.viewer;
        session.expired = token.accessTokenExpiresAt
          ? Date.parse(token.accessTokenExpiresAt) <= Date.now()
          : true;
        return session;
      },
    },
  };
}
