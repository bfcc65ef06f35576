// The signed-in person's follows, as the follow buttons and the account page read them.

import type { Follow, FollowList, FollowTargetKind } from '@liaison/core';
import { callApi } from './api';

/** The viewer's follows; empty for someone signed out or when the API cannot say. */
export async function loadFollows(signedIn: boolean): Promise<Follow[]> {
  if (!signedIn) return [];
  const answer = await callApi<FollowList>('/api/v1/me/follows');
  return answer.ok ? answer.data.items : [];
}

/** The viewer's follow of this target, if any: a document by id, the others by slug. */
export function followOf(
  follows: readonly Follow[],
  kind: FollowTargetKind,
  key: string,
): Follow | undefined {
  return follows.find((follow) => follow.kind === kind && follow.key === key);
}

/** What following each kind of target brings, for the buttons' titles and the account page. */
export const FOLLOW_MEANINGS: Record<FollowTargetKind, string> = {
  document: 'Mail me when a new version is uploaded',
  register: 'Mail me when a document is newly shared under this work register',
  organization: 'Mail me when this organization releases a document',
};
