/** The audit log as CSV: which columns, in which order, and the download's file name. */

import { type AuditEvent, type CsvValue, csvRow } from '@liaison/core';
import { utcDate } from './register-review';

export const AUDIT_CSV_HEADER = [
  'id',
  'occurred_at',
  'actor',
  'action',
  'object_type',
  'object_id',
  'object_name',
  'organization',
  'on_behalf_of',
  'address',
  'details',
] as const;

export function auditCsvValues(event: AuditEvent): CsvValue[] {
  return [
    event.id,
    event.occurredAt,
    event.actor,
    event.action,
    event.objectType,
    event.objectId,
    event.objectName,
    event.organization,
    event.onBehalfOf,
    event.address,
    Object.keys(event.details ?? {}).length === 0 ? '' : JSON.stringify(event.details),
  ];
}

export function auditCsvRows(events: readonly AuditEvent[]): string {
  return events.map((event) => csvRow(auditCsvValues(event))).join('');
}

/** `audit-2026-05-04.csv` (UTC date of the export). */
export function auditCsvFilename(now: Date = new Date()): string {
  return `audit-${utcDate(now)}.csv`;
}
