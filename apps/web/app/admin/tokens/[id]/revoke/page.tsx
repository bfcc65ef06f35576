import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '../../../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../../../components/admin/api-error-notice';
import { ConfirmForm } from '../../../../../components/admin/confirm-form';
import type { ApiToken } from '../../../../../components/admin/tokens-section';
import { Fact } from '../../../../../components/fact';
import { DateTime, ShortDate } from '../../../../../components/register/dates';
import { callApi } from '../../../../../lib/api';
import type { SegmentPageProps } from '../../../../../lib/page-props';
import { requireViewer } from '../../../../../lib/session';
import { revokeToken } from '../../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Revoke API token' };

export default async function RevokeTokenPage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  const { from } = await searchParams;
  const returnTo = from === '/admin' ? '/admin' : '/admin/tokens';
  await requireViewer(`/admin/tokens/${id}/revoke`);

  const tokens = await callApi<{ items: ApiToken[] }>('/api/v1/tokens');
  if (!tokens.ok) {
    return (
      <>
        <h1>Revoke API token</h1>
        <ApiErrorNotice error={tokens.error} what="your API tokens" returnTo={returnTo} />
      </>
    );
  }
  const token = tokens.data.items.find((item) => item.id === id);
  if (!token) notFound();

  return (
    <section className={styles.panel} aria-labelledby="revoke-title">
      <h1 id="revoke-title">Revoke the token “{token.name}”?</h1>
      <p>
        Anything that uses this token stops working at once. This cannot be undone; you can create a
        new token instead.
      </p>
      <dl className={styles.inlineFacts}>
        <Fact term="Created">
          <ShortDate value={token.createdAt} />
        </Fact>
        <Fact term="Expires">
          <ShortDate value={token.expiresAt} />
        </Fact>
        <Fact term="Last used">
          <DateTime value={token.lastUsedAt} />
        </Fact>
      </dl>
      <ConfirmForm
        action={revokeToken}
        fields={{ id: token.id, name: token.name, returnTo }}
        confirmLabel="Revoke token"
        pendingText="Revoking…"
        cancelHref={returnTo}
      />
    </section>
  );
}
