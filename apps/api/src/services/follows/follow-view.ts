import { type Actor, canFollow, type Follow, type FollowSubject } from '@liaison/core';
import type { FollowRecord } from '@liaison/db';
import { subjectOf } from '../documents/document-view.js';

/** What the follow is about, as the follow policy weighs it. */
function followSubjectOf(record: FollowRecord): FollowSubject {
  if (record.document) {
    return { kind: 'document', document: subjectOf(record.document) };
  }
  if (record.register) {
    return { kind: 'register', register: record.register };
  }
  return { kind: 'organization' };
}

const HIDDEN_NAMES: Record<Follow['kind'], string> = {
  document: 'A document you can no longer read',
  register: 'A work register you can no longer read',
  organization: 'An organization',
};

/**
 * The follow as its owner sees it: what they can no longer read (its visibility or their
 * membership changed) keeps its row, so it can be ended, but not its name.
 */
export function toFollow(record: FollowRecord, actor: Actor): Follow {
  const readable = canFollow(actor, followSubjectOf(record));
  return {
    id: record.id,
    kind: record.kind,
    key: readable ? record.key : '',
    name: readable ? record.name : HIDDEN_NAMES[record.kind],
    createdAt: record.createdAt.toISOString(),
  };
}
