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
import { type ApiError, fromApi } from '../../../../lib/api';
import type { SegmentPageProps } from '../../../../lib/page-props';
import { requireViewer } from '../../../../lib/session';
import { updateOrganization } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit organization' };

export default async function EditOrganizationPage({
  params,
  searchParams,
}: SegmentPageProps<'slug'>) {
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
  // The organization from the public list, and its IPR policy from the public route submitters
  // read it from (there is no other copy of the text to load).
  const [list, policy] = await Promise.all([
    fromApi((client) => client.listOrganizations()),
    fromApi((client) => client.getIprPolicy(slug)),
  ]);
  if (!list.ok) return { kind: 'error', error: list.error };
  const found = list.data.items.find((org) => org.slug === slug);
  if (!found) return { kind: 'missing' };
  return {
    kind: 'found',
    value: {
      slug: found.slug,
      name: found.name,
      description: found.description ?? '',
      ...(policy.ok ? { iprPolicy: policy.data.text, iprPolicyUrl: policy.data.url } : {}),
      passwordLogin: found.signIn.password,
    },
  };
}
