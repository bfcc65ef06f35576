import { webConfig } from './config';
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession, type Session } from 'next-auth';
import { decode, encode } from 'next-auth/jwt';
import { cache } from 'react';
import { authOptions } from './auth/options';
import type { Viewer } from './auth/viewer';

export type { Viewer };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The session of this request, read once however many components ask. */
const currentSession = cache(async (): Promise<Session | null> => {
  try {
    return await getServerSession(authOptions());
  } catch {
    // A session that cannot be read is no session: the visitor signs in again.
    return null;
  }
});

/** The signed-in person, or null for anonymous visitors and expired sessions. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await currentSession();
  if (!session?.viewer || session.expired) return null;
  return session.viewer;
}

/** Whether the visitor had a session whose API token has run out (show "sign in again"). */
export async function sessionExpired(): Promise<boolean> {
  const session = await currentSession();
  return Boolean(session?.viewer && session.expired);
}

/**
 * The API access token of this session, read on the server from the encrypted session cookie.
 * Null for anonymous visitors and once it has expired: calls made with null are anonymous, so a
 * page shows what the public sees rather than failing.
 */
export async function getAccessToken(): Promise<string | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const secret = webConfig().sessionSecret;
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token?.accessToken || !token.accessTokenExpiresAt) return null;
  return Date.parse(token.accessTokenExpiresAt) > Date.now() ? token.accessToken : null;
}

/** The login page that brings the visitor back to `returnTo` (a path on this site). */
export function signInPath(returnTo: string, reason?: 'expired'): string {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  return `/login?callbackUrl=${encodeURIComponent(path)}${reason ? `&error=${reason}` : ''}`;
}

/** The viewer, or a redirect to the login page that brings them back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  redirect(signInPath(returnTo, (await sessionExpired()) ? 'expired' : undefined));
}

/**
 * For a page whose API call answered 401 although it sent the session's token (the token ran out
 * between reading and calling, or the account was disabled): back to the login page, saying the
 * session has expired, instead of an error page.
 */
export function signInAgain(returnTo: string): never {
  redirect(signInPath(returnTo, 'expired'));
}

/**
 * After the person renamed themselves: the session cookie carries the new name, so the header
 * shows it at once rather than from the next sign-in. Keeps the cookie's expiry as it was. Only
 * from a Server Action (cookies can be set there).
 */
export async function renameViewerInSession(name: string): Promise<void> {
  const jar = await cookies();
  const cookieName = SESSION_COOKIES.find((candidate) => jar.get(candidate));
  const secret = webConfig().sessionSecret;
  if (!cookieName || !secret) return;
  const token = await decode({ token: jar.get(cookieName)?.value, secret }).catch(() => null);
  if (!token?.viewer || typeof token.exp !== 'number') return;
  const maxAge = token.exp - Math.floor(Date.now() / 1000);
  if (maxAge <= 0) return;
  const renamed = { ...token, name, viewer: { ...token.viewer, name } };
  jar.set(cookieName, await encode({ token: renamed, secret, maxAge }), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: cookieName.startsWith('__Secure-'),
    maxAge,
  });
}
