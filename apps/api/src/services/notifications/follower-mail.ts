import { actorFromMemberships, isReleased, mayTellFollower } from '@liaison/core';
import {
  type DocumentRecord,
  enqueueMail,
  type FollowEventKind,
  type FollowerRecord,
  insertFollowEvent,
  listFollowers,
  type Queryable,
} from '@liaison/db';
import { subjectOf } from '../documents/document-view.js';

/** Something that happened to a document that its, its registers' or its owner's followers hear. */
export type FollowedEvent =
  | {
      kind: 'version';
      document: DocumentRecord;
      version: { id: string; label: string; changeNote: string; filename: string };
    }
  | { kind: 'shared'; document: DocumentRecord; registers: readonly string[] }
  | { kind: 'released'; document: DocumentRecord };

/** The subject and text of the mail about one event. */
export function describeFollowedEvent(event: FollowedEvent): { subject: string; text: string } {
  const { document } = event;
  const owner = document.organization.toUpperCase();
  const named = `"${document.title}" (${document.identifier})`;
  switch (event.kind) {
    case 'version': {
      const { label, changeNote, filename } = event.version;
      return {
        subject: `New version ${label}: ${document.identifier} ${document.title}`,
        text: [
          `${owner} uploaded version ${label} of ${named}: ${filename}.`,
          ...(changeNote ? ['', 'What changed:', changeNote] : []),
        ].join('\n'),
      };
    }
    case 'shared':
      return {
        subject: `Shared under ${event.registers.join(', ')}: ${document.identifier} ${document.title}`,
        text: `${owner} shared ${named} under the work register${event.registers.length > 1 ? 's' : ''} ${event.registers.join(', ')}.`,
      };
    case 'released':
      return {
        subject: `Released: ${document.identifier} ${document.title}`,
        text: `${owner} released ${named} (${document.status}) to the public.`,
      };
  }
}

function followersOf(event: FollowedEvent) {
  switch (event.kind) {
    case 'version':
      return { documentId: event.document.id };
    case 'shared':
      return { registers: event.registers };
    case 'released':
      return { organization: event.document.organization };
  }
}

/** Each person once, by their most specific follow (the rows come ordered that way). */
function onePerPerson(followers: readonly FollowerRecord[]): FollowerRecord[] {
  const seen = new Set<string>();
  return followers.filter((follower) => !seen.has(follower.id) && seen.add(follower.id));
}

/**
 * In the transaction of the event: mails the followers who may read the document now (at once),
 * or keeps the event for their daily digest, which checks again when it is composed. Returns how
 * many followers were told or will be.
 */
export async function enqueueFollowerMail(
  client: Queryable,
  event: FollowedEvent,
): Promise<number> {
  if (event.kind === 'shared' && event.registers.length === 0) return 0;
  const subject = subjectOf(event.document);
  const mail = describeFollowedEvent(event);
  let told = 0;
  for (const follower of onePerPerson(await listFollowers(client, followersOf(event)))) {
    if (!mayTellFollower(actorFromMemberships(follower, follower.memberships), subject)) continue;
    if (follower.delivery === 'daily') {
      await insertFollowEvent(client, {
        followId: follower.followId,
        kind: event.kind satisfies FollowEventKind,
        documentId: event.document.id,
        ...(event.kind === 'version' ? { versionId: event.version.id } : {}),
        ...(event.kind === 'shared' ? { registers: event.registers } : {}),
      });
    } else {
      await enqueueMail(client, {
        kind: `follow.${event.kind}`,
        recipients: [follower.email],
        subject: mail.subject,
        text: mail.text,
        linkPath: `/documents/${event.document.id}`,
        unfollowId: follower.followId,
      });
    }
    told += 1;
  }
  return told;
}

/**
 * In the transaction that changed the document (or created it, `before` then being unreleased
 * and under no register): tells the followers of the registers it was newly shared under, and of
 * its owner's releases when the change released it.
 */
export async function enqueueDocumentChangeFollowerMail(
  client: Queryable,
  before: Pick<DocumentRecord, 'visibility' | 'status' | 'registers'>,
  after: DocumentRecord,
): Promise<void> {
  const added = after.registers.filter((slug) => !before.registers.includes(slug));
  await enqueueFollowerMail(client, { kind: 'shared', document: after, registers: added });
  if (!isReleased(before) && isReleased(after)) {
    await enqueueFollowerMail(client, { kind: 'released', document: after });
  }
}
