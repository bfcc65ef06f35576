import 'server-only';
import type { Statement, StatementBox, StatementSummary } from '@liaison/core';
import { type AllPages, type ApiOptions, type ApiResponse, fromApi, fromApiAllPages } from './api';

// The statement calls the pages make, as the signed-in person unless told otherwise (anonymous
// visitors call anonymously). A statement they may not read answers 404 like a missing one.

export function getStatement(
  id: string,
  options: ApiOptions = {},
): Promise<ApiResponse<Statement>> {
  return fromApi((client) => client.getStatement(id), options);
}

export interface StatementQuery {
  register?: string;
  box?: StatementBox;
  owed?: boolean;
  state?: 'draft' | 'sent' | 'withdrawn';
}

export function listStatements(
  query: StatementQuery,
  options: ApiOptions & { maxPages?: number } = {},
): Promise<ApiResponse<AllPages<StatementSummary>>> {
  return fromApiAllPages((client, page) => client.listStatements({ ...query, ...page }), options);
}
