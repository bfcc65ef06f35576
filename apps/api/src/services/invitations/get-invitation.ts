import { type InvitationPreview, NotFoundError } from '@liaison/core';
import { findPendingInvitation, findUserByEmail, type Pool } from '@liaison/db';
import { hashSecret } from '../../auth/random-secrets.js';

/**
 * What an invitation link shows, to anyone holding it (the token is the credential). Unknown,
 * expired, revoked and used tokens get the same 404.
 */
export async function getInvitation(pool: Pool, token: string): Promise<InvitationPreview> {
  const invitation = await findPendingInvitation(pool, hashSecret(token));
  if (!invitation) throw new NotFoundError(NO_SUCH_INVITATION);
  return {
    organization: { slug: invitation.organization, name: invitation.organizationName },
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: (await findUserByEmail(pool, invitation.email)) !== undefined,
  };
}

export const NO_SUCH_INVITATION =
  'No such invitation: it may have expired, been revoked or been used already';
