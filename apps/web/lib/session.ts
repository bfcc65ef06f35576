import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { authOptions } from './auth/options';
import type { Viewer } from './auth/viewer';

export type { Viewer };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The signed-in person, or null for anonymous visitors and expired sessions. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions());
  if (!session?.viewer || session.expired) return null;
  return session.viewer;
}

/** Whether the visitor had a session whose API token has run out (show "sign in again"). */
export async function sessionExpired(): Promise<boolean> {
  const session = await getServerSession(authOptions());
  return Boolean(session?.expired);
}

/**
 * The API access token of this session, read on the server from the encrypted session cookie.
 * Null for anonymous visitors and once it has expired.
 */
export async function getAccessToken(): Promise<string | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token?.accessToken || !token.accessTokenExpiresAt) return null;
  return Date.parse(token.accessTokenExpiresAt) > Date.now() ? token.accessToken : null;
}

/** The viewer, or a redirect to the login page that brings them back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const reason = (await sessionExpired()) ? '&error=expired' : '';
  redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}${reason}`);
}
