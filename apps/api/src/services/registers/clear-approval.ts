import type { RegisterApproval } from '@liaison/core';
import { lockApproval, type Pool, saveApproval, withTransaction } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { openApprovalForEdit } from './approval-edit.js';
import { auditRegisterEdit } from './register-edits.js';

/** Takes the organization's approval back to pending (its admins only); the body and note stay. */
export async function clearApproval(
  pool: Pool,
  context: RequestContext,
  slug: string,
  organization: string,
): Promise<RegisterApproval> {
  return withTransaction(pool, async (client) => {
    const edit = await openApprovalForEdit(client, context, slug, organization);
    const before = await lockApproval(client, edit.record.id, organization);
    const approval: RegisterApproval = {
      party: organization,
      body: before?.body ?? '',
      state: 'pending',
      resolution: null,
      approvedOn: null,
      asWritten: '',
      note: before?.note ?? '',
    };
    await saveApproval(client, edit.record.id, approval);
    await auditRegisterEdit(client, context, edit, 'register.approval.clear', {
      from: before ?? null,
      to: approval,
    });
    return approval;
  });
}
