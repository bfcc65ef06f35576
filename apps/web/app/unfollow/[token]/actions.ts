'use server';

import type { UnfollowResult } from '@liaison/core';
import { errorState, type FormState, successState } from '../../../components/admin/form-state';
import { callApi } from '../../../lib/api';

/**
 * A mail's one-click unfollow link, without a session: the signed token alone names the follow
 * (anonymous on purpose, so a link opened in another person's browser ends only what it names).
 */
export async function unfollowByLinkAction(
  token: string,
  _previous: FormState,
): Promise<FormState> {
  const answer = await callApi<UnfollowResult>('/api/v1/follows/unfollow', {
    method: 'POST',
    body: { token },
    token: null,
  });
  if (!answer.ok) {
    return answer.error.status === 404
      ? { status: 'success', message: 'You no longer follow this: nothing was left to end.' }
      : errorState(answer.error);
  }
  return successState(`Done: you no longer follow ${answer.data.name}. No more mail about it.`);
}
