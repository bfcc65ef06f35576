import type { Organization } from '@liaison/core';
import { isSlug } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '../../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../../components/admin/api-error-notice';
import {
  type EditableOrganization,
  EditOrganizationForm,
} from '../../../../components/admin/organization-forms';
import { type ApiError, callApi } from '../../../../lib/api';
import { requireViewer } from '../../../../lib/session';
import { updateOrganization } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit organization' };

type OrganizationDetail = Organization & {
  iprPolicy?: string;
  passwordLogin?: boolean;
  signIn?: { password?: boolean };
};

export default async function EditOrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { saved, created } = await searchParams;
  const viewer = await requireViewer(`/admin/organizations/${slug}`);
  if (!viewer.operator) notFound();

  const organization = await loadOrganization(slug);
  if (organization.kind === 'missing') notFound();

  return (
    <>
      <nav aria-label="Breadcrumb" style={{ marginBottom: '1rem' }}>
        <Link href="/admin/organizations">← All organizations</Link>
      </nav>
      {organization.kind === 'error' ? (
        <>
          <h1>Edit organization</h1>
          <ApiErrorNotice error={organization.error} what="this organization" />
        </>
      ) : (
        <>
          <div className={styles.header}>
            <h1>{organization.value.name}</h1>
            <p className={styles.mono}>{organization.value.slug}</p>
          </div>
          {(saved || created) && (
            <div className={styles.success} role="status">
              <p>{created ? 'Organization added.' : 'Changes saved.'}</p>
            </div>
          )}
          <div className={styles.panel}>
            <EditOrganizationForm action={updateOrganization} organization={organization.value} />
          </div>
          <p style={{ marginTop: '1rem' }}>
            <Link href={`/admin/members/${organization.value.slug}`}>
              Manage the members of {organization.value.name}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

async function loadOrganization(
  slug: string,
): Promise<
  | { kind: 'found'; value: EditableOrganization }
  | { kind: 'missing' }
  | { kind: 'error'; error: ApiError }
> {
  if (!isSlug(slug)) return { kind: 'missing' };
  // The single-organization route discloses the IPR policy and sign-in settings, if it exists.
  const detail = await callApi<OrganizationDetail>(`/api/v1/organizations/${slug}`);
  if (detail.ok && detail.data && typeof detail.data.name === 'string') {
    return { kind: 'found', value: editable(detail.data) };
  }
  const list = await callApi<{ items: OrganizationDetail[] }>('/api/v1/organizations');
  if (!list.ok) return { kind: 'error', error: list.error };
  const found = list.data.items.find((org) => org.slug === slug);
  return found ? { kind: 'found', value: editable(found) } : { kind: 'missing' };
}

function editable(org: OrganizationDetail): EditableOrganization {
  return {
    slug: org.slug,
    name: org.name,
    description: org.description ?? '',
    ...(typeof org.iprPolicy === 'string' ? { iprPolicy: org.iprPolicy } : {}),
    ...(typeof org.passwordLogin === 'boolean'
      ? { passwordLogin: org.passwordLogin }
      : typeof org.signIn?.password === 'boolean'
        ? { passwordLogin: org.signIn.password }
        : {}),
  };
}
