/** The signed-in person as the web app knows them (from the API's answer at sign-in). */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  /**
   * Their memberships as the API token carries them: after a single sign-on, the one
   * organization they signed in through (the API enforces this; the web app only mirrors it).
   */
  memberships: { organization: string; role: 'member' | 'editor' | 'admin' }[];
  operator: boolean;
  /** The organization they signed in through; null for the portal operator's own sign-in. */
  organization: string | null;
  /** How they signed in. */
  method: 'password' | 'sso';
}
