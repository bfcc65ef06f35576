import { ConflictError, type CreateRegisterBody, type RegisterPage } from '@liaison/core';
import {
  findRegister,
  insertRegister,
  type Pool,
  replaceRegisterParties,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { checkRegisterParties } from './register-parties.js';
import { requireRegisterManagement, toRegisterPage } from './register-view.js';

export async function createRegister(
  pool: Pool,
  context: RequestContext,
  input: CreateRegisterBody,
): Promise<RegisterPage> {
  requireUser(context.actor);
  requireRegisterManagement(context.actor);
  const record = await withTransaction(pool, async (client) => {
    const parties = await checkRegisterParties(client, input.parties);
    const id = await insertRegister(client, {
      slug: input.slug,
      title: input.title,
      version: input.version ?? '',
      initiatedOn: input.initiatedOn ?? null,
      summary: input.summary ?? '',
      state: input.state,
      reviewDue: input.reviewDue ?? null,
      reviewDueAsWritten: input.reviewDueAsWritten ?? '',
      reviewProcess: input.reviewProcess ?? '',
      reviewProcessUrl: input.reviewProcessUrl ?? '',
    });
    if (!id) {
      throw new ConflictError(`There is already a work register '${input.slug}'`, 'duplicate_slug');
    }
    await replaceRegisterParties(client, id, parties);
    // A register belongs to no one organization; the operator reads these events.
    await auditAction(client, context, null, {
      action: 'register.create',
      objectType: 'register',
      objectId: input.slug,
      details: {
        title: input.title,
        state: input.state,
        parties: parties.map((party) => party.organization),
      },
    });
    return (await findRegister(client, input.slug))!;
  });
  return toRegisterPage(pool, context, record);
}
