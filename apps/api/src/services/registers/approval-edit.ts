import {
  type AuditAction,
  allowRegister,
  ForbiddenError,
  NotFoundError,
  type RegisterApproval,
} from '@liaison/core';
import {
  type ApprovalRecord,
  lockApproval,
  type Pool,
  type PoolClient,
  saveApproval,
  withTransaction,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireLinkableDocument } from './commitment-document.js';
import { lockRegisterToChange, type RegisterEdit, recordRegisterEdit } from './register-edits.js';
import { resolveApproval } from './register-view.js';

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
  const { record, subject } = await lockRegisterToChange(client, context, slug);
  if (!subject.parties.includes(organization)) {
    throw new NotFoundError(`'${organization}' is not a party of this work register`);
  }
  if (!allowRegister(context.actor, 'approve', subject, organization)) {
    throw new ForbiddenError(`Only admins of ${organization} record its approval`);
  }
  return { record, subject, party: organization };
}

/**
 * Replaces `organization`'s approval of the register with what `next` makes of the one there was
 * (none before the first), in one transaction, audited as `action`.
 */
export async function changeApproval(
  pool: Pool,
  context: RequestContext,
  target: { slug: string; organization: string },
  action: Extract<AuditAction, `register.approval.${string}`>,
  next: (before: ApprovalRecord | undefined) => Omit<ApprovalRecord, 'party' | 'asWritten'>,
): Promise<RegisterApproval> {
  const { slug, organization } = target;
  return withTransaction(pool, async (client) => {
    const edit = await openApprovalForEdit(client, context, slug, organization);
    const before = await lockApproval(client, edit.record.id, organization);
    // The register's placeholder sentence ("on xx/xx/2018") gives way to the recorded facts.
    const approval: ApprovalRecord = { party: organization, ...next(before), asWritten: '' };
    await requireLinkableDocument(client, context.actor, approval.resolutionDocument);
    await saveApproval(client, edit.record.id, approval);
    await recordRegisterEdit(client, context, edit, action, {
      kind: 'approval',
      itemId: organization,
      before: before ?? null,
      after: approval,
    });
    return resolveApproval(client, context.actor, approval);
  });
}
