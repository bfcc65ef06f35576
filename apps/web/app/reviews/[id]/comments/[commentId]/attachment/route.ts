// The download link of a review comment's attachment (see lib/download-proxy). Every read is
// audited by the API.

import { downloadRoute } from '../../../../../../lib/download-proxy';
import { reviewPath } from '../../../../../../lib/review-rules';

export const dynamic = 'force-dynamic';

export const GET = downloadRoute<'id' | 'commentId'>(({ id, commentId }) => ({
  ids: [id, commentId],
  apiPath: `/api/v1/comments/${commentId}/attachment/content`,
  notFoundPage: reviewPath(id),
  hiddenStatuses: [404, 401],
}));
