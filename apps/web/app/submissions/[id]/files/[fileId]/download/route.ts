// The download link of a submission's file (see lib/download-proxy). Every read is audited by the
// API.

import { downloadRoute } from '../../../../../../lib/download-proxy';
import { submissionFilePath } from '../../../../../../lib/submission-links';

export const dynamic = 'force-dynamic';

export const GET = downloadRoute<'id' | 'fileId'>(({ id, fileId }) => ({
  ids: [id, fileId],
  apiPath: `/api/v1/submissions/${id}/files/${fileId}/content`,
  notFoundPage: submissionFilePath(id, fileId),
  // The API answers an anonymous caller 401 here: to the browser that is "not found" as well.
  hiddenStatuses: [404, 401],
}));
