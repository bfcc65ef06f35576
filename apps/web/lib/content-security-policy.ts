/**
 * The Content-Security-Policy of the portal's pages (set per request by proxy.ts). Scripts run
 * only with the request's nonce, which Next.js puts on its own scripts when it renders a page
 * (every page is rendered per request: the root layout reads the session); 'strict-dynamic' lets
 * those scripts load the page's chunks. Styles may be inline: React sets style attributes, which
 * nonces cannot cover.
 */
export function pageContentSecurityPolicy(
  nonce: string,
  development: boolean,
  /** Origins a form may lead to besides this one (an identity provider's, on its login page). */
  formTargets: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    // React needs eval() in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Downloads keep the stricter, sandboxing policy they set themselves (lib/proxy.ts). (The routes
 * under /api, upload and submission proxies among them, do not pass through proxy.ts at all.)
 */
export function setsOwnPolicy(pathname: string): boolean {
  return pathname.endsWith('/download');
}

/**
 * Strict-Transport-Security only when the portal is served over https: its configured public URL
 * (NEXTAUTH_URL) is https, or the load balancer in front says the request came over https
 * (X-Forwarded-Proto). Over plain http browsers ignore the header anyway; sending it on a local
 * http portal would only confuse.
 */
export function servedOverHttps(
  forwardedProto: string | null,
  publicUrl: string | undefined,
): boolean {
  const proto = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || (publicUrl ?? '').trim().toLowerCase().startsWith('https://');
}

/**
 * The origin of the identity provider an organization's login page sends people to: its single
 * sign-on form posts here, and next-auth redirects it there, which form-action governs too.
 */
export function ssoFormTarget(issuer: string | undefined): string[] {
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
