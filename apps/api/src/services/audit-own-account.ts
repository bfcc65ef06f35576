import { type NewAuditEvent, type Queryable, recordAuditEvent } from '@liaison/db';

/**
 * Records what a person did to their own account without a session (a sign-in, a password reset):
 * the account is both the actor and the object, acting for no organization. `account.id` is null
 * for an address no account has.
 */
export async function auditOwnAccount(
  db: Queryable,
  account: { id: string | null; email: string },
  address: string,
  event: Pick<NewAuditEvent, 'action' | 'details'>,
): Promise<void> {
  await recordAuditEvent(db, {
    actorId: account.id,
    actorEmail: account.email,
    objectType: 'user',
    objectId: account.id,
    organization: null,
    onBehalfOf: null,
    address,
    ...event,
  });
}
