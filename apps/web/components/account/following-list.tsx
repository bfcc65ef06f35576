import type { Follow } from '@liaison/core';
import Link from 'next/link';
import { unfollowAction } from '../../app/follow-actions';
import { FOLLOW_MEANINGS } from '../../lib/follows';

function hrefOf(follow: Follow): string | undefined {
  if (follow.key === '') return undefined;
  switch (follow.kind) {
    case 'document':
      return `/documents/${follow.key}`;
    case 'register':
      return `/registers/${follow.key}`;
    case 'organization':
      return `/?organization=${encodeURIComponent(follow.key)}`;
  }
}

const KIND_NAMES: Record<Follow['kind'], string> = {
  document: 'Document',
  register: 'Work register',
  organization: 'Releases of',
};

/** What the person follows, each with its unfollow button (the account page). */
export function FollowingList({ follows }: { follows: readonly Follow[] }) {
  return (
    <>
      <h2 id="following-title">Following</h2>
      {follows.length === 0 ? (
        <p className="muted">
          You follow nothing yet. Follow a document, a work register or an organization’s releases
          from its page to get mail when it changes; choose between one mail per event and a daily
          digest under <Link href="/account/notifications">Notifications</Link>.
        </p>
      ) : (
        <ul className="plain-list following-list">
          {follows.map((follow) => {
            const href = hrefOf(follow);
            return (
              <li key={follow.id} title={FOLLOW_MEANINGS[follow.kind]}>
                <span className="muted small">{KIND_NAMES[follow.kind]}</span>{' '}
                {href ? <Link href={href}>{follow.name}</Link> : <span>{follow.name}</span>}{' '}
                <form
                  action={unfollowAction.bind(null, follow.id, '/account')}
                  className="follow-form"
                >
                  <button type="submit" className="button button--secondary button--small">
                    Unfollow<span className="visually-hidden"> {follow.name}</span>
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
