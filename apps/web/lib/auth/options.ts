import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { apiBaseUrl } from '../api';
import type { Viewer } from './viewer';

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

interface TokenAnswer {
  accessToken: string;
  expiresAt: string;
  user: Omit<Viewer, 'organization'>;
}

/** Asks the API for an access token; throws an Error whose message is a sign-in error code. */
async function requestAccessToken(email: string, password: string): Promise<TokenAnswer | null> {
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl()}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      cache: 'no-store',
    });
  } catch {
    throw new Error('api-unavailable');
  }
  if (response.status === 401 || response.status === 400) return null;
  if (response.status === 429) throw new Error('rate-limited');
  if (response.status === 403) throw new Error('disabled');
  if (!response.ok) throw new Error('api-unavailable');
  return (await response.json()) as TokenAnswer;
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'E-mail and password',
  credentials: {
    organization: { label: 'Organization', type: 'text' },
    email: { label: 'E-mail', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(input) {
    const email = input?.email?.trim() ?? '';
    const password = input?.password ?? '';
    const organization = input?.organization?.trim() || null;
    if (!email || !password) return null;
    const answer = await requestAccessToken(email, password);
    if (!answer) return null;
    const member = answer.user.memberships.some(
      (membership) => membership.organization === organization,
    );
    if (organization && !member && !answer.user.operator) throw new Error('not-member');
    return {
      id: answer.user.id,
      email: answer.user.email,
      name: answer.user.name,
      viewer: { ...answer.user, organization: member ? organization : null },
      accessToken: answer.accessToken,
      accessTokenExpiresAt: answer.expiresAt,
    };
  },
});

export function authOptions(): AuthOptions {
  return {
    // The web app's own secret for its session cookie (distinct from the API's token secret).
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [credentials],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
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
          : false;
        return session;
      },
    },
  };
}
