import {
  allowStatement,
  InvalidInputError,
  organizationsOf,
  type StatementList,
  type StatementListQuery,
  statementApprovingOrganizations,
  statementWritingOrganizations,
} from '@liaison/core';
import { listReadableStatements, type Pool, type StatementRecord } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { subjectOf, toStatementSummary } from './statement-view.js';

const CURSOR = /^([0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2})_([0-9]+)$/;

/** The position after a record: its keyset, as the list it is in is sorted. */
function cursorOf(record: StatementRecord, owed: boolean): string {
  return `${owed ? record.deadline : record.listedAtMicros}_${record.seq}`;
}

function parseCursor(cursor: string, owed: boolean): { key: string; seq: string } {
  const match = CURSOR.exec(cursor);
  const key = match?.[1];
  if (!match || key === undefined || key.includes('-') !== owed) {
    throw new InvalidInputError('The cursor does not come from this list', 'invalid_cursor');
  }
  return { key, seq: match[2]! };
}

/**
 * The statements the caller may read (anonymous callers: the public ones), newest first, or the
 * owed ones soonest deadline first.
 */
export async function listStatements(
  pool: Pool,
  context: RequestContext,
  query: StatementListQuery,
): Promise<StatementList> {
  const { actor } = context;
  const limit = query.limit ?? 25;
  const owed = query.owed === true;
  const records = await listReadableStatements(pool, {
    viewer: {
      memberOf: organizationsOf(actor),
      writerOf: statementWritingOrganizations(actor),
      adminOf: statementApprovingOrganizations(actor),
    },
    ...(query.register ? { register: query.register } : {}),
    ...(query.box ? { box: query.box } : {}),
    ...(query.state ? { state: query.state } : {}),
    owed,
    ...(query.cursor ? { after: parseCursor(query.cursor, owed) } : {}),
    limit,
  });
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  const items = records
    .filter((record) => allowStatement(actor, 'read', subjectOf(record)))
    .map((record) => toStatementSummary(record, actor));
  const last = records[records.length - 1];
  return { items, nextCursor: records.length === limit && last ? cursorOf(last, owed) : null };
}
