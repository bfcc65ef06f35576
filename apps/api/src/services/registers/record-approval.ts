import type { ApprovalInput, RegisterApproval } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { changeApproval } from './approval-edit.js';

/**
 * Records that the organization's body approved the register (its admins only), with the board
 * resolution as a portal document the approver may read, if given; a note stays.
 */
export async function recordApproval(
  pool: Pool,
  context: RequestContext,
  slug: string,
  organization: string,
  input: ApprovalInput,
): Promise<RegisterApproval> {
  return changeApproval(
    pool,
    context,
    { slug, organization },
    'register.approval.record',
    (before) => ({
      body: input.body,
      state: 'approved',
      resolution: input.resolution ?? null,
      approvedOn: input.approvedOn,
      note: before?.note ?? '',
      resolutionDocument: input.resolutionDocument ?? null,
    }),
  );
}
