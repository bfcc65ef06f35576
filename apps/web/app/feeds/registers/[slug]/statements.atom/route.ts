// GET /feeds/registers/<slug>/statements.atom: the Atom feed of a register's public statements.

import { statementFeedResponse } from '../../../../../lib/statement-feed';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  return statementFeedResponse(request, slug);
}
