import type { RegisterApproval } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { changeApproval } from './approval-edit.js';

/** Takes the organization's approval back to pending (its admins only); the body and note stay. */
export async function clearApproval(
  pool: Pool,
  context: RequestContext,
  slug: string,
  organization: string,
): Promise<RegisterApproval> {
  return changeApproval(
    pool,
    context,
    { slug, organization },
    'register.approval.clear',
    (before) => ({
      body: before?.body ?? '',
      state: 'pending',
      resolution: null,
      approvedOn: null,
      note: before?.note ?? '',
      resolutionDocument: null,
    }),
  );
}
