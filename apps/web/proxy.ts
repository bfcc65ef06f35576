import { SLUG_BODY } from '@liaison/core';
import { type NextRequest, NextResponse } from 'next/server';
import { findSignInOrganization } from './lib/auth/organizations';
import { webConfig } from './lib/config';
import {
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
  servedOverHttps,
  setsOwnPolicy,
  ssoFormTarget,
} from './lib/content-security-policy';

const LOGIN_PAGE = new RegExp(`^/login/(${SLUG_BODY})$`);

/**
 * Per-request security headers: a fresh script nonce and the page Content-Security-Policy
 * (on the request, where Next.js reads the nonce while rendering, and on the response), and
 * Strict-Transport-Security over https. The fixed headers are in next.config.ts.
 */
export async function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get('x-forwarded-proto'), webConfig().publicUrl);
  if (setsOwnPolicy(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const loginOf = LOGIN_PAGE.exec(request.nextUrl.pathname)?.[1];
  const organization = loginOf ? await findSignInOrganization(loginOf) : undefined;
  const policy = pageContentSecurityPolicy(
    nonce,
    webConfig().development,
    ssoFormTarget(organization?.signIn.sso?.issuer),
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Not for the build's static files (no script of their own, no nonce), nor for the API routes
  // under /api: a proxy buffers request bodies (up to 10 MB), and uploads stream through there.
  matcher: ['/((?!api/|_next/static|_next/image).*)'],
};
