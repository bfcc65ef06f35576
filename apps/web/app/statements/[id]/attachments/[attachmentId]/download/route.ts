// The download link of a statement's attachment (see lib/download-proxy). Every read is audited
// by the API.

import { downloadRoute } from '../../../../../../lib/download-proxy';
import { statementPath } from '../../../../../../lib/statement-links';

export const dynamic = 'force-dynamic';

export const GET = downloadRoute<'id' | 'attachmentId'>(({ id, attachmentId }) => ({
  ids: [id, attachmentId],
  apiPath: `/api/v1/statements/${id}/attachments/${attachmentId}/content`,
  // The statement's page renders the not-found page when the statement cannot be read.
  notFoundPage: statementPath(id),
  hiddenStatuses: [404, 401],
}));
