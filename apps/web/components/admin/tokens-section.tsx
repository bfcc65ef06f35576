import Link from 'next/link';
import { createToken } from '../../app/admin/tokens/actions';
import { callApi } from '../../lib/api';
import { CaptionedTable } from '../captioned-table';
import { DateTime, ShortDate } from '../register/dates';
import tables from '../register/registers.module.css';
import styles from './admin.module.css';
import { ApiErrorNotice } from './api-error-notice';
import { TokenCreateForm } from './token-create-form';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

/** The signed-in person's API tokens: create (secret shown once), list, revoke. */
export async function TokensSection({
  revoked,
  returnTo,
  headingLevel = 2,
}: {
  /** Name of a token just revoked (from the confirmation page's redirect). */
  revoked?: string;
  returnTo: '/admin' | '/admin/tokens';
  headingLevel?: 1 | 2;
}) {
  const tokens = await callApi<{ items: ApiToken[] }>('/api/v1/tokens');
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className={styles.section} aria-labelledby="tokens-title">
      <div className={styles.header}>
        <Heading id="tokens-title">Your API tokens</Heading>
        <p>
          Personal tokens let scripts and tools use the Liaison API as you, with your permissions.
          Anyone holding one can act as you: give each a clear name, the shortest lifetime that
          works, and revoke it when it is no longer needed.
        </p>
      </div>

      {revoked && (
        <div className={styles.success} role="status">
          <p>Token “{revoked}” revoked. It no longer works.</p>
        </div>
      )}

      <div className={styles.panel}>
        <TokenCreateForm action={createToken} headingLevel={headingLevel === 1 ? 2 : 3} />
      </div>

      <div className={styles.tableBlock}>
        {!tokens.ok ? (
          <ApiErrorNotice error={tokens.error} what="your API tokens" returnTo={returnTo} />
        ) : tokens.data.items.length === 0 ? (
          <p className={tables.empty}>You have no API tokens.</p>
        ) : (
          <CaptionedTable
            caption={<>Your API tokens that still work ({tokens.data.items.length})</>}
            columns={['Name', 'Created', 'Expires', 'Last used']}
            actions="Actions"
          >
            {tokens.data.items.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td data-label="Created">
                  <ShortDate value={token.createdAt} />
                </td>
                <td data-label="Expires">
                  <ShortDate value={token.expiresAt} />
                </td>
                <td data-label="Last used">
                  <DateTime value={token.lastUsedAt} />
                </td>
                <td>
                  <Link
                    className={styles.dangerLink}
                    href={`/admin/tokens/${token.id}/revoke?from=${encodeURIComponent(returnTo)}`}
                  >
                    Revoke<span className="visually-hidden"> the token {token.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}
      </div>
    </section>
  );
}
