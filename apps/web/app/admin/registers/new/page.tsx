import type { Organization } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../../components/admin/api-error-notice';
import { OperatorOnly } from '../../../../components/admin/operator-only';
import { RegisterForm } from '../../../../components/admin/register-form';
import { callApi } from '../../../../lib/api';
import { requireViewer } from '../../../../lib/session';
import { createRegister } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'New register' };

export default async function NewRegisterPage() {
  const viewer = await requireViewer('/admin/registers/new');
  if (!viewer.operator) return <OperatorOnly title="New register" />;
  const organizations = await callApi<{ items: Organization[] }>('/api/v1/organizations');
  return (
    <>
      <nav aria-label="Breadcrumb" style={{ marginBottom: '1rem' }}>
        <Link href="/admin/registers">← All registers</Link>
      </nav>
      <h1>New work register</h1>
      {!organizations.ok && (
        <ApiErrorNotice error={organizations.error} what="the organizations (for the parties)" />
      )}
      <div className={styles.panel}>
        <RegisterForm
          action={createRegister}
          organizations={organizations.ok ? organizations.data.items : []}
        />
      </div>
    </>
  );
}
