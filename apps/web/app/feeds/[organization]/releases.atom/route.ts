// GET /feeds/<organization>/releases.atom: the Atom feed of one organization's released documents.

import { releaseFeedResponse } from '../../../../lib/release-feed';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ organization: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { organization } = await context.params;
  return releaseFeedResponse(request, organization);
}
