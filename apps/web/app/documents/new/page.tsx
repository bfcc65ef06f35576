import { canCreateDocument, documentCreationChoices } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '../../../components/breadcrumb';
import { CreateDocumentFlow } from '../../../components/create-document-flow';
import type { OrganizationOption, RegisterOption } from '../../../components/document-form';
import { PageHead } from '../../../components/page-head';
import { listOrganizations, listRegisters } from '../../../lib/api';
import { viewerActor } from '../../../lib/auth/viewer-actor';
import type { QueryPageProps } from '../../../lib/page-props';
import { getAccessToken, requireViewer } from '../../../lib/session';
import { createDocumentAction } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'New document' };

export default async function NewDocumentPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/documents/new');
  const token = await getAccessToken();
  const [organizations, registers, query] = await Promise.all([
    listOrganizations(),
    listRegisters({ token }),
    searchParams,
  ]);
  const names = new Map(
    organizations.ok ? organizations.data.map((org) => [org.slug, org.name]) : [],
  );
  const actor = viewerActor(viewer);
  const owners: OrganizationOption[] = viewer.memberships
    .filter((membership) => canCreateDocument(actor, membership.organization))
    .map((membership) => ({
      slug: membership.organization,
      name: names.get(membership.organization) ?? membership.organization,
      role: membership.role,
      choices: documentCreationChoices(actor, membership.organization),
    }));
  const registerOptions: RegisterOption[] = registers.ok
    ? registers.data.map(({ slug, title, parties }) => ({ slug, title, parties }))
    : [];
  const wanted = typeof query.organization === 'string' ? query.organization : undefined;
  const defaultOrganization =
    owners.find((owner) => owner.slug === wanted)?.slug ??
    owners.find((owner) => owner.slug === viewer.organization)?.slug ??
    owners[0]?.slug ??
    '';

  return (
    <>
      <Breadcrumb trail={[{ href: '/', label: 'Library' }]} current="New document" />
      <PageHead
        title="New document"
        lead="Describe the document, then upload its first version. Files are stored as uploaded and never overwritten; every later change is a new version."
      />
      {owners.length === 0 ? (
        <section className="empty-state" aria-label="Not allowed">
          <p>
            Adding documents is for editors and admins of an organization. Ask an admin of your
            organization if you need to publish documents.
          </p>
          <Link className="button" href="/">
            Back to the library
          </Link>
        </section>
      ) : (
        <div className="card card--form">
          <CreateDocumentFlow
            action={createDocumentAction}
            organizations={owners}
            registers={registerOptions}
            defaultOrganization={defaultOrganization}
          />
        </div>
      )}
    </>
  );
}
