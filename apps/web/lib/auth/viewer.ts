/** The signed-in person as the web app knows them (from the API's answer at sign-in). */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  memberships: { organization: string; role: 'member' | 'editor' | 'admin' }[];
  operator: boolean;
  /** The organization they signed in through. */
  organization: string | null;
}
