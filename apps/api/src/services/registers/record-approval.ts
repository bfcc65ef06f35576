import type { ApprovalInput, RegisterApproval } from '@liaison/core';
import { lockApproval, type Pool, saveApproval, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { openApprovalForEdit } from './approval-edit.js';
import { auditRegisterEdit } from './register-edits.js';

/**
 * Records that the organization's body approved the register (its admins only). The register's
 * placeholder sentence ("on xx/xx/2018") gives way to the recorded facts; a note stays.
 */
export async function recordApproval(
  pool: Pool,
  context: RequestContext,
  slug: string,
  organization: string,
  input: ApprovalInput,
): Promise<RegisterApproval> {
  return withTransaction(pool, async (client) => {
    const edit = await openApprovalForEdit(client, context, slug, organization);
    const before = await lockApproval(client, edit.record.id, organization);
    const approval: RegisterApproval = {
      party: organization,
      body: input.body,
      state: 'approved',
      resolution: input.resolution ?? null,
      approvedOn: input.approvedOn,
      asWritten: '',
      note: before?.note ?? '',
    };
    await saveApproval(client, edit.record.id, approval);
    await auditRegisterEdit(client, context, edit, 'register.approval.record', {
      from: before ?? null,
      to: approval,
    });
    return approval;
  });
}
