// A new review comment: its fields, then the optional file, streamed to the API (see
// lib/upload-proxy.ts).

import { idUploadRoute } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

export const POST = idUploadRoute({
  notFound: 'No such review',
  apiPath: (id) => `/api/v1/reviews/${id}/comments`,
  messages: {
    crossSite: 'Comments are accepted from the Liaison portal only',
    notMultipart: 'Send the comment as multipart/form-data',
    noBody: 'The comment is empty',
  },
});
