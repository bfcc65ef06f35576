import type { Follow, FollowTargetKind } from '@liaison/core';
import { followAction, unfollowAction } from '../app/follow-actions';
import { FOLLOW_MEANINGS } from '../lib/follows';

/**
 * Follow or unfollow a document, a register or an organization's releases: a one-button form (a
 * server action, works without JavaScript). `page` is the path shown again afterwards.
 */
export function FollowButton({
  kind,
  targetKey,
  follow,
  page,
  label = 'Follow',
}: {
  kind: FollowTargetKind;
  /** The document's id, the register's or the organization's slug. */
  targetKey: string;
  follow: Follow | undefined;
  page: string;
  label?: string;
}) {
  return follow ? (
    <form action={unfollowAction.bind(null, follow.id, page)} className="follow-form">
      <button type="submit" className="button button--secondary button--small">
        Following · stop
      </button>
    </form>
  ) : (
    <form action={followAction.bind(null, kind, targetKey, page)} className="follow-form">
      <button
        type="submit"
        className="button button--secondary button--small"
        title={FOLLOW_MEANINGS[kind]}
      >
        {label}
      </button>
    </form>
  );
}
