import 'server-only';
import type { WhatsNew } from '@liaison/core';
import { type ApiResponse, fromApi } from './api';

// What's new, as the signed-in person: the API lists only what they may read.

/** Opens What's new: what was new until now, marked, and the visit recorded. */
export function visitWhatsNew(): Promise<ApiResponse<WhatsNew>> {
  return fromApi((client) => client.visitWhatsNew(), { requireSession: true });
}

/** How many items are new (for the header's badge); null when the API does not say in time. */
export async function whatsNewCount(): Promise<number | null> {
  const answer = await fromApi((client) => client.whatsNewCount(), { timeoutMs: 2_000 });
  return answer.ok ? answer.data.count : null;
}
