// A draft statement's attachment upload: one file streamed to the API (see lib/upload-proxy.ts).

import { idUploadRoute } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

export const POST = idUploadRoute({
  notFound: 'No such statement',
  apiPath: (id) => `/api/v1/statements/${id}/attachments`,
  messages: {
    crossSite: 'Attachments are accepted from the Liaison portal only',
    notMultipart: 'Upload the attachment as multipart/form-data',
    noBody: "The 'file' field is missing",
  },
});
