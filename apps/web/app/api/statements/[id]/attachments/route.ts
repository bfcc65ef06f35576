// A draft statement's attachment upload: one file streamed to the API (see lib/upload-proxy.ts).

import { isUuid } from '../../../../../lib/proxy';
import { proxyUpload, uploadFailure } from '../../../../../lib/upload-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isUuid(id)) return uploadFailure(404, 'not_found', 'No such statement');
  return proxyUpload(request, {
    apiPath: `/api/v1/statements/${id}/attachments`,
    messages: {
      crossSite: 'Attachments are accepted from the Liaison portal only',
      notMultipart: 'Upload the attachment as multipart/form-data',
      noBody: "The 'file' field is missing",
    },
  });
}
