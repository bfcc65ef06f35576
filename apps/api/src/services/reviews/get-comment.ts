import type { ReviewComment } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableComment, toComment } from './review-view.js';

export async function getComment(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<ReviewComment> {
  const { comment, review } = await findReadableComment(pool, context.actor, id);
  return toComment(comment, review, context.actor);
}
