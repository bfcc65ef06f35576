import type { Review } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableReview, loadReview } from './review-view.js';

export async function getReview(pool: Pool, context: RequestContext, id: string): Promise<Review> {
  return loadReview(pool, await findReadableReview(pool, context.actor, id), context.actor);
}
