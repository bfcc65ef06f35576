'use server';

// Following and unfollowing from the document, register and library pages and the account page.
// The API decides who may follow what (404 for what the person cannot read); these only ask.

import type { FollowBody, FollowTargetKind } from '@liaison/core';
import { revalidatePath } from 'next/cache';
import { callApi } from '../lib/api';
import { isUuid } from '../lib/proxy';

function bodyOf(kind: FollowTargetKind, key: string): FollowBody {
  switch (kind) {
    case 'document':
      return { kind, document: key };
    case 'register':
      return { kind, register: key };
    case 'organization':
      return { kind, organization: key };
  }
}

/** Follows the target, then shows `page` again with the button in its new state. */
export async function followAction(kind: FollowTargetKind, key: string, page: string) {
  await callApi('/api/v1/me/follows', { method: 'POST', body: bodyOf(kind, key) });
  revalidatePath(page);
}

export async function unfollowAction(followId: string, page: string) {
  if (isUuid(followId)) {
    await callApi(`/api/v1/me/follows/${followId}`, { method: 'DELETE' });
  }
  revalidatePath(page);
}
