import type { WorkRegisterSummary } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { OperatorOnly } from '../../../components/admin/operator-only';
import { CaptionedTable } from '../../../components/captioned-table';
import { RegisterStateBadge, ReviewDue } from '../../../components/register/badges';
import tables from '../../../components/register/registers.module.css';
import { callApi } from '../../../lib/api';
import type { QueryPageProps } from '../../../lib/page-props';
import { requireViewer } from '../../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Registers' };

export default async function AdminRegistersPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/admin/registers');
  if (!viewer.operator) return <OperatorOnly title="Registers" />;
  const { created } = await searchParams;
  const registers = await callApi<{ items: WorkRegisterSummary[] }>('/api/v1/registers');
  const createdSlug = typeof created === 'string' ? created.slice(0, 63) : '';

  return (
    <>
      <div className={styles.sectionHead}>
        <h1>Registers</h1>
        <Link className={styles.primary} href="/admin/registers/new">
          New register
        </Link>
      </div>
      <p className="muted">
        Work registers are the agreements documents are shared under. Approved registers are public;
        drafts are visible to their parties and to you.
      </p>
      {createdSlug && (
        <div className={styles.success} role="status">
          <p>
            Register <code>{createdSlug}</code> created.{' '}
            <Link href={`/admin/registers/${createdSlug}`}>Edit it</Link>
          </p>
        </div>
      )}
      {!registers.ok ? (
        <ApiErrorNotice error={registers.error} what="the registers" returnTo="/admin/registers" />
      ) : registers.data.items.length === 0 ? (
        <p className={tables.empty}>No registers yet.</p>
      ) : (
        <CaptionedTable
          caption={<>Work registers ({registers.data.items.length})</>}
          columns={['Title', 'State', 'Version', 'Parties', 'Review due']}
          actions="Actions"
        >
          {registers.data.items.map((register) => (
            <tr key={register.slug}>
              <th scope="row">
                <Link href={`/registers/${register.slug}`}>{register.title}</Link>
                <span className={tables.identifier}>{register.slug}</span>
              </th>
              <td data-label="State">
                <RegisterStateBadge state={register.state} />
              </td>
              <td data-label="Version">{register.version || '—'}</td>
              <td data-label="Parties">{register.parties.map((p) => p.name).join(', ') || '—'}</td>
              <td data-label="Review due">
                <ReviewDue value={register.reviewDue} />
              </td>
              <td>
                <Link href={`/admin/registers/${register.slug}`}>
                  Edit<span className="visually-hidden"> {register.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
