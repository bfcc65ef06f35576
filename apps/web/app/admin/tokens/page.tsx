import { API_TOKEN_NAME_MAX_LENGTH } from '@liaison/core';
import type { Metadata } from 'next';
import { TokensSection } from '../../../components/admin/tokens-section';
import type { QueryPageProps } from '../../../lib/page-props';
import { requireViewer } from '../../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage({ searchParams }: QueryPageProps) {
  await requireViewer('/admin/tokens');
  const { revoked } = await searchParams;
  return (
    <TokensSection
      headingLevel={1}
      returnTo="/admin/tokens"
      revoked={
        typeof revoked === 'string' ? revoked.slice(0, API_TOKEN_NAME_MAX_LENGTH) : undefined
      }
    />
  );
}
