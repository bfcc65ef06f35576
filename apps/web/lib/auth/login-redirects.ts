/**
 * Where the sign-in flow sends people: each organization has its own login page
 * (/login/<slug>, the portal operator /login/operator), and a failed attempt goes back to the page
 * it came from, with the reason in `?error=`. Pure functions: the route handler applies them.
 */

/** The portal operator's login page segment (an organization with this slug cannot have one). */
export const OPERATOR_SEGMENT = 'operator';

/**
 * A path on this site to come back to after signing in: '/x' or an absolute URL of this origin,
 * turned into a path. Anything else (another host, '//host', javascript:) is refused.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  origin: string | undefined,
): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value, origin ?? 'http://liaison.invalid');
  } catch {
    return undefined;
  }
  const sameOrigin = origin ? url.origin === new URL(origin).origin : value.startsWith('/');
  if (!sameOrigin || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never back into the sign-in machinery itself.
  if (path.startsWith('/api/auth') || path === '/login' || path.startsWith('/login/')) {
    return undefined;
  }
  return path;
}

/** The login page of an organization (slug), of the operator (null), with a reason and a way back. */
export function loginPath(
  organization: string | null,
  params: { error?: string; callbackUrl?: string } = {},
): string {
  const segment = organization === null ? OPERATOR_SEGMENT : organization;
  const query = new URLSearchParams();
  if (params.callbackUrl) query.set('callbackUrl', params.callbackUrl);
  if (params.error) query.set('error', params.error);
  const search = query.toString();
  return `/login/${encodeURIComponent(segment)}${search ? `?${search}` : ''}`;
}

/** What someone typed or picked as their organization, as a login page segment. */
export function typedOrganizationSegment(typed: string): string {
  return typed.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 100) || '-';
}

/**
 * If `location` is one of next-auth's failure redirects (its error or sign-in page, with an
 * error, or with `csrf=true`), the login page of `organization` to go to instead. `authBase` is
 * NEXTAUTH_URL with next-auth's base path, e.g. http://localhost:3000/api/auth.
 */
export function failureRedirect(
  location: string,
  authBase: string,
  organization: string | null,
  callbackUrl: string | undefined,
  /** Said instead of next-auth's own error code (e.g. the identity provider's `access_denied`). */
  reason?: string,
): string | undefined {
  let url: URL;
  let base: URL;
  try {
    base = new URL(authBase);
    url = new URL(location, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  let error: string | undefined;
  if (url.pathname === `${basePath}/error`) {
    error = url.searchParams.get('error') ?? 'Callback';
  } else if (url.pathname === `${basePath}/signin`) {
    error =
      url.searchParams.get('error') ??
      (url.searchParams.get('csrf') === 'true' ? 'csrf' : 'Callback');
  } else {
    return undefined;
  }
  const path = loginPath(organization, {
    error: (reason ?? error).slice(0, 100),
    ...(callbackUrl ? { callbackUrl } : {}),
  });
  return `${base.origin}${path}`;
}
