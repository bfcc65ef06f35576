import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHead } from '../../../components/page-head';
import { unfollowByLinkAction } from './actions';
import { UnfollowForm } from './unfollow-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stop following', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Where a mail's unfollow link leads: works signed out; the API checks the token's signature. */
export default async function UnfollowPage({ params }: Props) {
  const { token } = await params;
  return (
    <>
      <PageHead
        title="Stop following"
        lead="End the follow this mail was about: no more mail about it. Nothing else changes, and you need not sign in."
      />
      <div className="card card--form">
        <UnfollowForm action={unfollowByLinkAction.bind(null, token)} />
        <p className="muted small">
          Everything you follow is listed on <Link href="/account">your account page</Link>.
        </p>
      </div>
    </>
  );
}
