// The new-submission upload route: fields, then the files, streamed to the API (see
// lib/upload-proxy.ts).

import { proxyUpload } from '../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return proxyUpload(request, {
    apiPath: '/api/v1/submissions',
    messages: {
      crossSite: 'Submissions are accepted from the Liaison portal only',
      notMultipart: 'Send the submission as multipart/form-data',
      noBody: 'Add at least one file',
    },
  });
}
