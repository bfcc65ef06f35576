import type { Organization } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '../../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../../components/admin/api-error-notice';
import { RegisterForm } from '../../../../components/admin/register-form';
import { callApi } from '../../../../lib/api';
import type { SegmentPageProps } from '../../../../lib/page-props';
import type { RegisterFields } from '../../../../lib/register-form';
import { requireViewer } from '../../../../lib/session';
import { getRegister } from '../../../registers/data';
import { updateRegister } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit register' };

export default async function EditRegisterPage({ params, searchParams }: SegmentPageProps<'slug'>) {
  const { slug } = await params;
  const { saved, created } = await searchParams;
  const viewer = await requireViewer(`/admin/registers/${slug}`);
  if (!viewer.operator) notFound();

  const [lookup, organizations] = await Promise.all([
    getRegister(slug),
    callApi<{ items: Organization[] }>('/api/v1/organizations'),
  ]);
  const breadcrumb = (
    <nav aria-label="Breadcrumb" style={{ marginBottom: '1rem' }}>
      <Link href="/admin/registers">← All registers</Link>
    </nav>
  );
  if (lookup.kind === 'missing') {
    return (
      <>
        {breadcrumb}
        <h1>Register not available</h1>
        <div className={styles.info}>
          <p>
            There is no register <code>{slug}</code>.
          </p>
        </div>
      </>
    );
  }
  if (lookup.kind === 'error') {
    return (
      <>
        {breadcrumb}
        <h1>Edit register</h1>
        <ApiErrorNotice error={lookup.error} what="this register" />
      </>
    );
  }
  const { register } = lookup;
  const fields: RegisterFields = {
    slug: register.slug,
    title: register.title,
    version: register.version ?? '',
    initiatedOn: register.initiatedOn,
    state: register.state,
    reviewDue: register.reviewDue,
    summary: register.summary ?? '',
    reviewProcess: register.reviewProcess ?? '',
    parties: register.parties.map((p) => ({
      organization: p.organization,
      description: p.description ?? '',
    })),
    sections: {
      benefits: register.benefits,
      activities: register.activities,
      limitations: register.limitations,
      accessRules: register.accessRules,
    },
  };

  return (
    <>
      {breadcrumb}
      <AdminPageHead title={register.title}>
        <span className={styles.mono}>{register.slug}</span> ·{' '}
        <Link href={`/registers/${register.slug}`}>Public page</Link>
      </AdminPageHead>
      {(saved || created) && (
        <div className={styles.success} role="status">
          <p>{created ? 'Register created.' : 'Changes saved.'}</p>
        </div>
      )}
      {!organizations.ok && (
        <ApiErrorNotice error={organizations.error} what="the organizations (for the parties)" />
      )}
      <div className={styles.panel}>
        <RegisterForm
          action={updateRegister}
          register={fields}
          organizations={organizations.ok ? organizations.data.items : []}
        />
      </div>
    </>
  );
}
