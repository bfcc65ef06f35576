// Files added to an open submission: the `attach` field, then the files, streamed to the API
// (see lib/upload-proxy.ts).

import { idUploadRoute } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

export const POST = idUploadRoute({
  notFound: 'No such submission',
  apiPath: (id) => `/api/v1/submissions/${id}/files`,
  messages: {
    crossSite: 'Files are accepted from the Liaison portal only',
    notMultipart: 'Send the files as multipart/form-data',
    noBody: 'Add at least one file or Liaison document',
  },
});
