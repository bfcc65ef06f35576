import 'server-only';
import type { Statement } from '@liaison/core';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ApiResponse } from '../../../lib/api';
import { isUuid } from '../../../lib/proxy';
import { signInAgain } from '../../../lib/session';
import { getStatement } from '../../../lib/statement-api';
import { statementPath } from '../../../lib/statement-links';

/**
 * The statement as the visitor may see it, once per request (metadata and page share it).
 * Missing and not readable are the same 404, exactly as the API answers.
 */
export const loadStatement = cache(async (id: string): Promise<ApiResponse<Statement>> => {
  if (!isUuid(id)) notFound();
  const result = await getStatement(id);
  if (!result.ok && result.error.status === 404) notFound();
  if (!result.ok && result.error.status === 401) signInAgain(statementPath(id));
  return result;
});
