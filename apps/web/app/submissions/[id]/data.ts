import 'server-only';
import type { Submission } from '@liaison/core';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ApiResponse } from '../../../lib/api';
import { isUuid } from '../../../lib/proxy';
import { signInAgain } from '../../../lib/session';
import { getSubmission } from '../../../lib/submission-api';
import { submissionPath } from '../../../lib/submission-links';

/**
 * The submission as the session's user may see it, once per request (metadata and page share
 * it). Missing and not readable are the same 404, exactly as the API answers.
 */
export const loadSubmission = cache(async (id: string): Promise<ApiResponse<Submission>> => {
  if (!isUuid(id)) notFound();
  const result = await getSubmission(id);
  if (!result.ok && result.error.status === 404) notFound();
  if (!result.ok && result.error.status === 401) signInAgain(submissionPath(id));
  return result;
});
