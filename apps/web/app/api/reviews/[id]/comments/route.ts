// A new review comment: its fields, then the optional file, streamed to the API (see
// lib/upload-proxy.ts).

import { isUuid } from '../../../../../lib/proxy';
import { proxyUpload, uploadFailure } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isUuid(id)) return uploadFailure(404, 'not_found', 'No such review');
  return proxyUpload(request, {
    apiPath: `/api/v1/reviews/${id}/comments`,
    messages: {
      crossSite: 'Comments are accepted from the Liaison portal only',
      notMultipart: 'Send the comment as multipart/form-data',
      noBody: 'The comment is empty',
    },
  });
}
