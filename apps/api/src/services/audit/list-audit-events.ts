import {
  type AuditListQuery,
  administeredOrganizations,
  ForbiddenError,
  organizationsOf,
  readableAuditScope,
} from '@liaison/core';
import { listAuditEvents as listAuditRows, type Pool, readableAuditObjectNames } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

export async function listAuditEvents(pool: Pool, context: RequestContext, query: AuditListQuery) {
  const { userId } = requireUser(context.actor);
  const scope = readableAuditScope(context.actor);
  if (scope !== 'all' && scope.length === 0) {
    throw new ForbiddenError('The audit log is for organization admins and the portal operator');
  }
  const limit = query.limit ?? 100;
  const items = await listAuditRows(pool, {
    scope,
    ...(query.action ? { action: query.action } : {}),
    ...(query.organization ? { organization: query.organization } : {}),
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.objectId ? { objectId: query.objectId } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
    ...(query.cursor ? { before: query.cursor } : {}),
    limit,
  });
  const names = await readableAuditObjectNames(
    pool,
    {
      userId,
      operator: context.actor.operator,
      organizations: organizationsOf(context.actor),
      administers: administeredOrganizations(context.actor),
    },
    items.flatMap((item) =>
      item.objectId === null ? [] : [{ objectType: item.objectType, objectId: item.objectId }],
    ),
  );
  const named = items.map((item) => ({
    ...item,
    objectName:
      item.objectId === null ? null : (names.get(`${item.objectType}:${item.objectId}`) ?? null),
  }));
  const last = items[items.length - 1];
  return { items: named, nextCursor: items.length === limit && last ? last.id : null };
}
