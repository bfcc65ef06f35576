import {
  type AcceptedInvitation,
  type AcceptInvitationBody,
  actorFromMemberships,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@liaison/core';
import { hashPassword } from '@liaison/core/server';
import {
  findPendingInvitation,
  findUserByEmail,
  insertMembership,
  insertUserWithPassword,
  lockPendingInvitation,
  markInvitationAccepted,
  type Pool,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { hashSecret } from '../../auth/random-secrets.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { NO_SUCH_INVITATION } from './get-invitation.js';

/**
 * Accepts an invitation: the invited person becomes a member with the invited role. Someone with
 * an account accepts signed in as that account; for an address new to Liaison, accepting creates
 * the account with the name and password given. An invitation is used at most once: accepts of
 * the same token queue on its row, and the later ones find it used.
 */
export async function acceptInvitation(
  pool: Pool,
  context: RequestContext,
  token: string,
  input: AcceptInvitationBody,
): Promise<AcceptedInvitation> {
  const tokenHash = hashSecret(token);
  const invitation = await findPendingInvitation(pool, tokenHash);
  if (!invitation) throw new NotFoundError(NO_SUCH_INVITATION);
  const account = await findUserByEmail(pool, invitation.email);
  if (account) {
    const caller = requireUser(context.actor);
    if (caller.userId !== account.id) {
      throw new ForbiddenError(
        `This invitation is for ${invitation.email}; sign in as that account to accept it`,
        'wrong_account',
      );
    }
    if (input.name !== undefined || input.password !== undefined) {
      throw new InvalidInputError(
        `${invitation.email} already has an account: accept signed in, without a name or password`,
      );
    }
  } else if (input.name === undefined || input.password === undefined) {
    throw new InvalidInputError(
      `${invitation.email} has no Liaison account yet: give a name and a password to create it`,
      'account_details_required',
    );
  }
  // Hashing is slow on purpose: done before the invitation is locked.
  const passwordHash = account ? undefined : await hashPassword(input.password!);

  return withTransaction(pool, async (client) => {
    const locked = await lockPendingInvitation(client, tokenHash);
    if (!locked) throw new NotFoundError(NO_SUCH_INVITATION);
    const userId =
      account?.id ??
      (await insertUserWithPassword(client, {
        email: locked.email,
        name: input.name!,
        passwordHash: passwordHash!,
      }));
    if (!userId) {
      throw new ConflictError(
        `${locked.email} got a Liaison account meanwhile; sign in as it to accept`,
        'account_exists',
      );
    }
    if (!(await insertMembership(client, { ...locked, userId }))) {
      throw new ConflictError(
        `${locked.email} is already a member of ${locked.organization}`,
        'already_member',
      );
    }
    if (!(await markInvitationAccepted(client, locked.id, userId))) {
      throw new NotFoundError(NO_SUCH_INVITATION);
    }
    // A new account acts for itself here: it is who accepted.
    const acceptedBy = account
      ? context
      : {
          ...context,
          actor: actorFromMemberships({ id: userId, email: locked.email, operator: false }, []),
        };
    await recordAuditEvent(client, {
      ...auditedBy(acceptedBy, []),
      action: 'membership.accept-invitation',
      objectType: 'membership',
      objectId: userId,
      organization: locked.organization,
      details: {
        email: locked.email,
        role: locked.role,
        invitationId: locked.id,
        newUser: !account,
      },
    });
    return {
      organization: locked.organization,
      role: locked.role,
      userId,
      email: locked.email,
      accountCreated: !account,
    };
  });
}
