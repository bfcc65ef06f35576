import 'server-only';
import type { Review } from '@liaison/core';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ApiResponse } from '../../../lib/api';
import { isUuid } from '../../../lib/proxy';
import { getReview } from '../../../lib/review-api';
import { reviewPath } from '../../../lib/review-rules';
import { signInAgain } from '../../../lib/session';

/**
 * The review as the visitor may see it, once per request (metadata and page share it). Missing
 * and not readable are the same 404, exactly as the API answers.
 */
export const loadReview = cache(async (id: string): Promise<ApiResponse<Review>> => {
  if (!isUuid(id)) notFound();
  const result = await getReview(id);
  if (!result.ok && result.error.status === 404) notFound();
  if (!result.ok && result.error.status === 401) signInAgain(reviewPath(id));
  return result;
});
