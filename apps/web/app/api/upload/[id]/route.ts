// The new-version upload route: one file streamed to the API (see lib/upload-proxy.ts).

import { idUploadRoute } from '../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

export const POST = idUploadRoute({
  notFound: 'No such document',
  apiPath: (id) => `/api/v1/documents/${id}/versions`,
  messages: {
    crossSite: 'Uploads are accepted from the Liaison portal only',
    notMultipart: 'Upload the file as multipart/form-data',
    noBody: "The 'file' field is missing",
  },
});
