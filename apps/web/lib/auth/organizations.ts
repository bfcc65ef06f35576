import type { Organization } from '@liaison/core';
import { isSlug } from '@liaison/core';
import { apiBaseUrl } from '../api';
import { type WebConfig, webConfig } from '../config';

/**
 * The organizations and their ways in, as the login page and next-auth's providers need them.
 * Read from the API anonymously and kept for a short while: every request to /api/auth builds its
 * providers from this list.
 */

export type SignInOrganization = Organization;

const CACHE_MS = 30_000;
const TIMEOUT_MS = 5_000;

let cached: { at: number; organizations: SignInOrganization[] } | undefined;
let pending: Promise<SignInOrganization[]> | undefined;

/** The organizations, at most 30 s old; null when the API cannot be asked and nothing is cached. */
export async function signInOrganizations(): Promise<SignInOrganization[] | null> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.organizations;
  pending ??= fetchOrganizations().finally(() => {
    pending = undefined;
  });
  try {
    const organizations = await pending;
    cached = { at: Date.now(), organizations };
    return organizations;
  } catch {
    // A stale list beats none while the API is briefly away.
    return cached?.organizations ?? null;
  }
}

/** Forgets the cached list (tests). */
export function forgetSignInOrganizations(): void {
  cached = undefined;
}

/** The organization with this slug, undefined for an unknown one, null when the API is away. */
export async function findSignInOrganization(
  slug: string,
): Promise<SignInOrganization | undefined | null> {
  const organizations = await signInOrganizations();
  if (organizations === null) return null;
  return organizations.find((organization) => organization.slug === slug);
}

/**
 * The organization someone typed or picked: its slug, or its name (any case). Undefined when
 * nothing matches.
 */
export function resolveOrganization(
  organizations: readonly SignInOrganization[],
  typed: string,
): SignInOrganization | undefined {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return undefined;
  return (
    organizations.find((organization) => organization.slug === wanted) ??
    organizations.find((organization) => organization.name.toLowerCase() === wanted)
  );
}

/** The environment variable that holds the web app's client secret for the organization's IdP. */
export function clientSecretVariable(slug: string): string {
  return `SSO_${slug.toUpperCase().replaceAll('-', '_')}_CLIENT_SECRET`;
}

/** The client secret of the organization's IdP client, from the web app's environment. */
export function ssoClientSecret(slug: string, config: WebConfig = webConfig()): string | undefined {
  return config.ssoClientSecrets.get(clientSecretVariable(slug));
}

/** Whether the login page can offer single sign-on: configured in the API, secret at hand. */
export function offersSso(
  organization: SignInOrganization,
  config: WebConfig = webConfig(),
): boolean {
  return (
    organization.signIn.sso !== null && ssoClientSecret(organization.slug, config) !== undefined
  );
}

async function fetchOrganizations(): Promise<SignInOrganization[]> {
  const response = await fetch(`${apiBaseUrl()}/api/v1/organizations`, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`GET /api/v1/organizations answered ${response.status}`);
  const body: unknown = await response.json();
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new Error('GET /api/v1/organizations answered no items');
  return items.filter(isSignInOrganization);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSignInOrganization(value: unknown): value is SignInOrganization {
  if (!isRecord(value) || !isRecord(value.signIn)) return false;
  const { slug, name, description, signIn } = value;
  const sso = signIn.sso;
  return (
    typeof slug === 'string' &&
    isSlug(slug) &&
    typeof name === 'string' &&
    typeof description === 'string' &&
    typeof signIn.password === 'boolean' &&
    (sso === null ||
      (isRecord(sso) && typeof sso.issuer === 'string' && typeof sso.clientId === 'string'))
  );
}
