import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import {
  failureRedirect,
  loginPath,
  safeCallbackPath,
  typedOrganizationSegment,
} from '../../../../lib/auth/login-redirects';
import {
  authOptions,
  OPERATOR_LOGIN,
  SSO_PROVIDER_PREFIX,
  secureCookies,
} from '../../../../lib/auth/options';
import {
  resolveOrganization,
  type SignInOrganization,
  signInOrganizations,
} from '../../../../lib/auth/organizations';
import { siteOrigin } from '../../../../lib/auth/site-origin';
import {
  clearedSsoNonceCookie,
  issueSsoNonce,
  readSsoNonce,
  type SsoNonce,
  ssoNonceCookie,
} from '../../../../lib/auth/sso-nonce';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_URL_COOKIES = ['__Secure-next-auth.callback-url', 'next-auth.callback-url'];

/**
 * next-auth, with its providers built for this request from the organizations' sign-in settings,
 * and two additions:
 * - GET /api/auth/signin?organization=<slug or name> (the organization picker on /login) leads
 *   to that organization's login page, setting next-auth's CSRF cookie on the way (so the forms
 *   there work without JavaScript); ?operator=1 leads to the portal operator's.
 * - A failed sign-in goes back to the login page of the organization it was for, with the
 *   reason, instead of next-auth's generic error page.
 * - A single sign-on starts with a nonce from the API (lib/auth/sso-nonce.ts), kept in a cookie
 *   for the callback, which uses it up.
 */
async function handler(request: NextRequest, context: RouteContext) {
  const { nextauth = [] } = await context.params;
  const [action, providerId] = nextauth;
  const organizations = await signInOrganizations();
  const secure = secureCookies();
  let ssoNonce: SsoNonce | undefined;
  let nonceCookie: string | undefined;
  if (providerId?.startsWith(SSO_PROVIDER_PREFIX)) {
    if (request.method === 'POST' && action === 'signin') {
      const issued = await issueSsoNonce();
      if (!issued) {
        const slug = providerId.slice(SSO_PROVIDER_PREFIX.length);
        const location = loginPath(typedOrganizationSegment(slug), { error: 'api-unavailable' });
        return new Response(null, { status: 303, headers: { location } });
      }
      ssoNonce = issued;
      nonceCookie = ssoNonceCookie(issued, secure);
    } else if (action === 'callback') {
      ssoNonce = readSsoNonce(request.cookies, secure);
      nonceCookie = clearedSsoNonceCookie(secure);
    }
  }
  const options = authOptions(organizations, ssoNonce);

  if (request.method === 'GET' && action === 'signin' && providerId === undefined) {
    const typed = request.nextUrl.searchParams.get('organization');
    if (request.nextUrl.searchParams.get('operator') !== null) {
      options.pages = { ...options.pages, signIn: loginPath(null) };
    } else if (typed !== null) {
      const found = organizations ? resolveOrganization(organizations, typed) : undefined;
      const segment = found?.slug ?? typedOrganizationSegment(typed);
      options.pages = { ...options.pages, signIn: loginPath(segment) };
    }
  }

  const attempt = await signInAttempt(request, action, providerId, organizations);
  const response: Response = await NextAuth(request as never, context as never, options);
  if (nonceCookie) response.headers.append('set-cookie', nonceCookie);
  return attempt ? sendFailuresBack(request, response, attempt) : response;
}

interface Attempt {
  /** Slug (or what was typed) of the organization; null for the operator's login. */
  organization: string | null;
  callbackUrl?: string;
  /** The identity provider's own error (`?error=` on its redirect back), if it sent one. */
  providerError?: string;
}

/** Which login page a sign-in request came from, if it is one. */
async function signInAttempt(
  request: NextRequest,
  action: string | undefined,
  providerId: string | undefined,
  organizations: readonly SignInOrganization[] | null,
): Promise<Attempt | undefined> {
  const origin = siteOrigin(request.headers);
  const cookieCallback = CALLBACK_URL_COOKIES.map((name) => request.cookies.get(name)?.value).find(
    Boolean,
  );
  if (
    providerId?.startsWith(SSO_PROVIDER_PREFIX) &&
    (action === 'signin' || action === 'callback')
  ) {
    const callbackUrl = safeCallbackPath(cookieCallback, origin);
    const idpError = action === 'callback' ? request.nextUrl.searchParams.get('error') : null;
    return {
      organization: providerId.slice(SSO_PROVIDER_PREFIX.length),
      ...(callbackUrl ? { callbackUrl } : {}),
      // The person cancelled, or the IdP refused: say that rather than a generic failure.
      ...(idpError
        ? { providerError: idpError === 'access_denied' ? idpError : 'OAuthCallback' }
        : {}),
    };
  }
  if (request.method === 'POST' && action === 'callback' && providerId === 'credentials') {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const typed = form?.get('organization');
    const callbackUrl = safeCallbackPath(
      typeof form?.get('callbackUrl') === 'string' ? (form?.get('callbackUrl') as string) : null,
      origin,
    );
    let organization: string | null = null;
    if (typeof typed === 'string' && typed.trim() !== OPERATOR_LOGIN) {
      const found = organizations ? resolveOrganization(organizations, typed) : undefined;
      organization = found?.slug ?? typedOrganizationSegment(typed);
    }
    return { organization, ...(callbackUrl ? { callbackUrl } : {}) };
  }
  return undefined;
}

/** Rewrites next-auth's failure redirects (Location, or the JSON `url`) to the login page. */
async function sendFailuresBack(
  request: NextRequest,
  response: Response,
  attempt: Attempt,
): Promise<Response> {
  const authBase = `${siteOrigin(request.headers) ?? request.nextUrl.origin}/api/auth`;
  const location = response.headers.get('location');
  if (location) {
    const destination = failureRedirect(
      location,
      authBase,
      attempt.organization,
      attempt.callbackUrl,
      attempt.providerError,
    );
    if (destination) response.headers.set('location', destination);
    return response;
  }
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  if (typeof body?.url !== 'string') return response;
  const destination = failureRedirect(
    body.url,
    authBase,
    attempt.organization,
    attempt.callbackUrl,
  );
  if (!destination) return response;
  return new Response(JSON.stringify({ url: destination }), {
    status: response.status,
    headers: response.headers,
  });
}

export { handler as GET, handler as POST };
