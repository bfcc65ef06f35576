// The download link of a document version (see lib/download-proxy).

import { downloadRoute } from '../../../../../../lib/download-proxy';

export const dynamic = 'force-dynamic';

export const GET = downloadRoute<'id' | 'versionId'>(({ id, versionId }) => ({
  ids: [id, versionId],
  apiPath: `/api/v1/documents/${id}/versions/${versionId}/content`,
  notFoundPage: `/documents/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`,
  // The API answers a hidden version 404 to everyone, anonymous callers included.
  hiddenStatuses: [404],
}));
