import {
  allowSubmission,
  hasRole,
  organizationsOf,
  type SubmissionList,
  type SubmissionListQuery,
} from '@liaison/core';
import { listReadableSubmissions, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { subjectOf, toSubmissionSummary } from './submission-view.js';

export async function listSubmissions(
  pool: Pool,
  context: RequestContext,
  query: SubmissionListQuery,
): Promise<SubmissionList> {
  const { userId } = requireUser(context.actor);
  const { actor } = context;
  const limit = query.limit ?? 25;
  const records = await listReadableSubmissions(pool, {
    viewer: {
      userId,
      memberOf: organizationsOf(actor),
      adminOf: organizationsOf(actor).filter((slug) => hasRole(actor, slug, 'admin')),
    },
    ...(query.box ? { box: query.box } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.cursor ? { beforeSeq: query.cursor } : {}),
    limit,
  });
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  const items = records
    .filter((record) => allowSubmission(actor, 'read', subjectOf(record)))
    .map((record) => toSubmissionSummary(record, actor));
  const last = records[records.length - 1];
  return { items, nextCursor: records.length === limit && last ? last.seq : null };
}
