import { actorFromMemberships, mayTellFollower } from '@liaison/core';
import {
  enqueueMail,
  type FollowEventRecord,
  findDocument,
  findFollow,
  findUserCaller,
  findVersion,
  type Pool,
  type Queryable,
  takeFollowEvents,
  usersWithFollowEvents,
  withTransaction,
} from '@liaison/db';
import { unfollowPath } from '../../auth/unfollow-tokens.js';
import { subjectOf } from '../documents/document-view.js';
import { describeFollowedEvent, type FollowedEvent } from './follower-mail.js';

export interface FollowDigestDependencies {
  pool: Pool;
  /** The portal's public address (WEB_URL): the digest links to each document and unfollow page. */
  webUrl: string;
  /** Signs the unfollow links (AUTH_SECRET). */
  authSecret: string;
}

/** The event as it can be told now, or undefined when its document or version is gone. */
async function currentEvent(
  client: Queryable,
  event: FollowEventRecord,
): Promise<FollowedEvent | undefined> {
  const document = await findDocument(client, event.documentId);
  if (!document) return undefined;
  if (event.kind === 'version') {
    const version = event.versionId && (await findVersion(client, document.id, event.versionId));
    if (!version || version.withdrawnAt) return undefined;
    return { kind: 'version', document, version };
  }
  if (event.kind === 'shared') return { kind: 'shared', document, registers: event.registers };
  return { kind: 'released', document };
}

/**
 * The digest of one person: their waiting events, each told only if they may read its document
 * now, in one mail. The events are taken in the transaction that queues it: each goes out once.
 */
async function enqueueDigest(deps: FollowDigestDependencies, userId: string): Promise<boolean> {
  return withTransaction(deps.pool, async (client) => {
    const events = await takeFollowEvents(client, userId);
    const caller = await findUserCaller(client, userId);
    if (!caller || events.length === 0) return false;
    const actor = actorFromMemberships(caller, caller.memberships);
    const sections: string[] = [];
    const told = new Set<string>();
    for (const stored of events) {
      const event = await currentEvent(client, stored);
      if (!event || !mayTellFollower(actor, subjectOf(event.document))) continue;
      const follow = await findFollow(client, stored.followId);
      if (follow) told.add(follow.id);
      const { subject, text } = describeFollowedEvent(event);
      sections.push(
        [
          `* ${subject}`,
          text,
          `${deps.webUrl}/documents/${event.document.id}`,
          ...(follow
            ? [
                `Stop following ${follow.name}: ${deps.webUrl}${unfollowPath(follow.id, deps.authSecret)}`,
              ]
            : []),
        ].join('\n'),
      );
    }
    if (sections.length === 0) return false;
    await enqueueMail(client, {
      kind: 'follow.digest',
      recipients: [caller.email],
      subject: `What you follow: ${sections.length} update${sections.length > 1 ? 's' : ''}`,
      text: sections.join('\n\n'),
      // A digest about one follow also gets its link as List-Unsubscribe; one about several has
      // a link per item only, since the header names one thing to stop.
      ...(told.size === 1 ? { unfollowId: [...told][0] } : {}),
    });
    return true;
  });
}

/** Queues the daily digest of everyone with waiting events; returns how many mails were queued. */
export async function enqueueFollowDigests(deps: FollowDigestDependencies): Promise<number> {
  let queued = 0;
  for (const userId of await usersWithFollowEvents(deps.pool)) {
    if (await enqueueDigest(deps, userId)) queued += 1;
  }
  return queued;
}
