import { ForbiddenError, LiaisonError, UnauthenticatedError } from '@liaison/core';
import {
  consumeOidcNonce,
  findOrganization,
  findUserByEmail,
  listMemberships,
  type Pool,
  recordAuditEvent,
} from '@liaison/db';
import { IdTokenVerifier } from '../../auth/oidc-id-tokens.js';
import { nonceOfHandle } from '../../auth/oidc-nonces.js';
import { ACCOUNT_DISABLED_MESSAGE } from './issue-access-token.js';
import { startSession } from './start-session.js';

// One per process: it caches each issuer's discovery document and keys.
const verifier = new IdTokenVerifier();

export interface OidcSignInRequest {
  organization: string;
  idToken: string;
  /** The handle of the nonce issued for this sign-in (issue-oidc-nonce.ts). */
  nonceHandle: string;
  address: string;
}

/**
 * Exchanges an ID token from an organization's identity provider for a Liaison access token.
 * The person is matched by e-mail address to a user who is a member of THAT organization, and the
 * token is scoped to it: it carries that one membership and nothing else (no other organization,
 * no operator rights), whatever else the user may hold. The token must carry the nonce of the
 * handle given, issued for this sign-in and not used yet: a token alone, leaked or replayed, is
 * worth nothing.
 */
export async function signInWithOidc(
  pool: Pool,
  settings: { authSecret: string; accessTokenTtlSeconds: number },
  request: OidcSignInRequest,
) {
  let email: string | null = null;
  let userId: string | null = null;
  const refuse = async (error: LiaisonError): Promise<never> => {
    await recordAuditEvent(pool, {
      actorId: userId,
      actorEmail: email,
      action: 'auth.login-failed',
      objectType: 'user',
      objectId: userId,
      organization: request.organization,
      onBehalfOf: null,
      address: request.address,
      details: { method: 'sso', reason: error.code },
    });
    throw error;
  };

  const organization = await findOrganization(pool, request.organization);
  if (!organization?.signIn.sso) {
    return refuse(
      new UnauthenticatedError(
        'This organization has no single sign-on in Liaison',
        'sso_not_configured',
      ),
    );
  }

  let identity: Awaited<ReturnType<IdTokenVerifier['verify']>>;
  try {
    identity = await verifier.verify(request.idToken, organization.signIn.sso);
  } catch (error) {
    if (error instanceof LiaisonError) return refuse(error);
    throw error;
  }
  email = identity.email.toLowerCase();
  const nonce = nonceOfHandle(request.nonceHandle);
  if (identity.nonce !== nonce || !(await consumeOidcNonce(pool, nonce))) {
    return refuse(
      new UnauthenticatedError(
        'This sign-in was not started here, or its ID token was already used; sign in again',
        'sso_nonce_invalid',
      ),
    );
  }

  const user = await findUserByEmail(pool, email);
  const membership = user
    ? (await listMemberships(pool, user.id)).find(
        (candidate) => candidate.organization === organization.slug,
      )
    : undefined;
  if (!user || !membership) {
    // Unknown address and non-member alike: the answer tells nothing about other organizations.
    return refuse(
      new UnauthenticatedError(
        `${identity.email} is not a member of ${organization.name} in Liaison`,
        'sso_not_member',
      ),
    );
  }
  userId = user.id;
  if (user.disabled) {
    return refuse(new ForbiddenError(ACCOUNT_DISABLED_MESSAGE, 'account_disabled'));
  }

  await recordAuditEvent(pool, {
    actorId: user.id,
    actorEmail: user.email,
    action: 'auth.login',
    objectType: 'user',
    objectId: user.id,
    organization: organization.slug,
    onBehalfOf: organization.slug,
    address: request.address,
    details: { method: 'sso', issuer: organization.signIn.sso.issuer, subject: identity.subject },
  });
  const { accessToken, expiresAt } = await startSession(
    pool,
    { userId: user.id, organization: organization.slug },
    settings,
  );
  return {
    accessToken,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      memberships: [membership],
      operator: false,
    },
  };
}
