import {
  ConflictError,
  NotFoundError,
  type RegisterPage,
  type UpdateRegisterBody,
} from '@liaison/core';
import {
  departingPartiesWithSharedDocuments,
  findRegister,
  type Pool,
  recordAuditEvent,
  replaceRegisterParties,
  updateRegisterFields,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { checkRegisterParties } from './register-parties.js';
import { requireRegisterManagement, toRegisterPage } from './register-view.js';

const FIELDS = [
  'title',
  'version',
  'initiatedOn',
  'summary',
  'state',
  'reviewDue',
  'reviewDueAsWritten',
  'reviewProcess',
  'reviewProcessUrl',
] as const;

/**
 * Changes a register's terms or parties (the whole list, in order). A party that still has
 * documents shared under the register cannot leave it: those documents would stay visible to
 * partners the party no longer has (409 party_has_shared_documents).
 */
export async function updateRegister(
  pool: Pool,
  context: RequestContext,
  slug: string,
  change: UpdateRegisterBody,
): Promise<RegisterPage> {
  requireUser(context.actor);
  requireRegisterManagement(context.actor);
  const record = await withTransaction(pool, async (client) => {
    const current = await findRegister(client, slug, { lock: true });
    if (!current) throw new NotFoundError('No such work register');

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FIELDS) {
      const to = change[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    const parties = change.parties ? await checkRegisterParties(client, change.parties) : undefined;
    const before = current.parties.map(({ organization, description }) => ({
      organization,
      description,
    }));
    if (parties && JSON.stringify(parties) !== JSON.stringify(before)) {
      const departing = await departingPartiesWithSharedDocuments(
        client,
        current.id,
        parties.map((party) => party.organization),
      );
      if (departing.length > 0) {
        throw new ConflictError(
          `Documents of ${departing.join(', ')} are shared under this register; unshare them first`,
          'party_has_shared_documents',
        );
      }
      changes.parties = { from: before, to: parties };
    }
    if (Object.keys(changes).length === 0) return current;

    await updateRegisterFields(client, current.id, change);
    if (changes.parties && parties) await replaceRegisterParties(client, current.id, parties);
    await recordAuditEvent(client, {
      ...auditedBy(context, []),
      action: 'register.update',
      objectType: 'register',
      objectId: slug,
      organization: null,
      details: { changes },
    });
    return (await findRegister(client, slug))!;
  });
  return toRegisterPage(pool, context, record);
}
