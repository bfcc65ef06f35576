// GET /feeds/releases.atom: the Atom feed of every organization's released documents.

import { releaseFeedResponse } from '../../../lib/release-feed';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return releaseFeedResponse(request);
}
