import { organizationsGrantingRead } from '@liaison/core';
import {
  type DocumentRecord,
  type Queryable,
  recordAuditEvent,
  type VersionRecord,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { subjectOf } from './document-view.js';

/** The audit event of one read of a version's file: a download, or a view when shown inline. */
export function auditVersionRead(
  db: Queryable,
  context: RequestContext,
  record: DocumentRecord,
  version: VersionRecord,
  action: 'version.view' | 'version.download',
  details: Record<string, unknown>,
): Promise<void> {
  return recordAuditEvent(db, {
    ...auditedBy(context, organizationsGrantingRead(subjectOf(record))),
    action,
    objectType: 'version',
    objectId: version.id,
    organization: record.organization,
    details: { documentId: record.id, label: version.label, ...details },
  });
}
