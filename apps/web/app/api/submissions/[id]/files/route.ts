// Files added to an open submission: the `attach` field, then the files, streamed to the API
// (see lib/upload-proxy.ts).

import { isUuid } from '../../../../../lib/proxy';
import { proxyUpload, uploadFailure } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isUuid(id)) return uploadFailure(404, 'not_found', 'No such submission');
  return proxyUpload(request, {
    apiPath: `/api/v1/submissions/${id}/files`,
    messages: {
      crossSite: 'Files are accepted from the Liaison portal only',
      notMultipart: 'Send the files as multipart/form-data',
      noBody: 'Add at least one file or Liaison document',
    },
  });
}
