import type { DocumentStatus, Visibility } from './rules.js';

/** Roles a user can hold in an organization, weakest first. */
export const ROLES = ['member', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const REGISTER_STATES = ['draft', 'approved'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

export interface Organization {
  slug: string;
  name: string;
  description: string;
  /** How its members sign in: the login page offers these ways in. */
  signIn: OrganizationSignIn;
}

/** An organization's ways in: a password, and/or its OpenID Connect identity provider. */
export interface OrganizationSignIn {
  password: boolean;
  /** Public settings of the organization's identity provider; null when it has none. */
  sso: { issuer: string; clientId: string } | null;
}

export interface RegisterParty {
  organization: string;
  name: string;
}

export interface WorkRegisterSummary {
  slug: string;
  title: string;
  version: string;
  state: RegisterState;
  /** YYYY-MM-DD */
  initiatedOn: string | null;
  /** YYYY-MM-DD */
  reviewDue: string | null;
  parties: RegisterParty[];
}

export interface Membership {
  organization: string;
  role: Role;
}

/** "Released" in the register's sense: public, and informational or standard. */
export function isReleased(document: { visibility: Visibility; status: DocumentStatus }): boolean {
  return document.visibility === 'public' && document.status !== 'work-in-progress';
}

/**
 * The name a version's file is saved under: `<identifier>_<version>.<ext>` (DSP0263_1.3.0.pdf),
 * so downloads of several versions sort and never overwrite each other. The extension is the
 * uploaded file's own, when it has a plain one.
 */
export function versionDownloadName(identifier: string, label: string, filename: string): string {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(filename)?.[0] ?? '';
  return `${identifier}_${label}${extension.toLowerCase()}`;
}
