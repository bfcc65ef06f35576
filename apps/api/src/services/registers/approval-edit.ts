import { allowRegister, ForbiddenError, NotFoundError } from '@liaison/core';
import type { PoolClient } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import type { RegisterEdit } from './register-edits.js';
import { findReadableRegister, registerSubject } from './register-view.js';

/**
 * Opens the register, locked, to record or clear `organization`'s approval: 401 for anonymous
 * callers, 404 when the caller may not read the register or the organization is no party of it,
 * 403 unless the caller is an admin of that organization (nobody approves for another).
 */
export async function openApprovalForEdit(
  client: PoolClient,
  context: RequestContext,
  slug: string,
  organization: string,
): Promise<RegisterEdit> {
  requireUser(context.actor);
  const record = await findReadableRegister(client, context.actor, slug, { lock: true });
  const subject = registerSubject(record);
  if (!subject.parties.includes(organization)) {
    throw new NotFoundError(`'${organization}' is not a party of this work register`);
  }
  if (!allowRegister(context.actor, 'approve', subject, organization)) {
    throw new ForbiddenError(`Only admins of ${organization} record its approval`);
  }
  return { record, subject, party: organization };
}
