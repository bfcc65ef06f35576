// The "Download all (zip)" link of a register page (see lib/download-proxy).

import { downloadRoute } from '../../../../lib/download-proxy';

export const dynamic = 'force-dynamic';

export const GET = downloadRoute<'slug'>(({ slug }) => ({
  ids: [],
  slugs: [slug],
  apiPath: `/api/v1/registers/${encodeURIComponent(slug)}/files.zip`,
  notFoundPage: `/registers/${encodeURIComponent(slug)}`,
  // The API answers a register the session may not read 404, like a missing one.
  hiddenStatuses: [404],
}));
