import type { Viewer } from '../lib/auth/viewer';

declare module 'next-auth' {
  interface Session {
    viewer: Viewer;
    /** Set when the API token behind this session has expired: the user must sign in again. */
    expired: boolean;
  }
  /** What a provider (Credentials) or the signIn callback (single sign-on) hands to `jwt`. */
  interface User {
    viewer?: Viewer;
    accessToken?: string;
    accessTokenExpiresAt?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    viewer?: Viewer;
    /** The API access token: kept in the encrypted, HttpOnly session cookie, never sent to scripts. */
    accessToken?: string;
    accessTokenExpiresAt?: string;
  }
}
