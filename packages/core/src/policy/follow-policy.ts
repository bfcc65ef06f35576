/**
 * Who may follow what, and what a follower is told. A follow is a standing read: it is allowed
 * where reading is, and every mail about it is checked again against the reader's rights when it
 * is composed, since visibility and memberships change after the follow was made.
 */
import type { Actor } from './actor.js';
import { canReadDocument, type DocumentSubject } from './document-policy.js';
import { canReadRegister, type RegisterSubject } from './register-policy.js';

export type FollowSubject =
  | { kind: 'document'; document: DocumentSubject }
  | { kind: 'register'; register: RegisterSubject }
  /** Organizations are public; what they release is told only to those who may read it. */
  | { kind: 'organization' };

/** Signed-in users may follow what they may read. */
export function canFollow(actor: Actor, subject: FollowSubject): boolean {
  if (actor.userId === null) return false;
  switch (subject.kind) {
    case 'document':
      return canReadDocument(actor, subject.document);
    case 'register':
      return canReadRegister(actor, subject.register);
    case 'organization':
      return true;
  }
}

/** Whether a mail about the document (a new version, a share, a release) may go to `follower`. */
export function mayTellFollower(follower: Actor, document: DocumentSubject): boolean {
  return canReadDocument(follower, document);
}
