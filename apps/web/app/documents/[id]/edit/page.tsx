import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentForm, type RegisterOption } from '../../../../components/document-form';
import { UnavailableNotice } from '../../../../components/unavailable-notice';
import { listOrganizations, listRegisters } from '../../../../lib/api';
import { editChoices, registersOf } from '../../../../lib/document-rules';
import { getAccessToken, requireViewer } from '../../../../lib/session';
import { updateDocumentAction } from '../../actions';
import { loadDocument } from '../data';
import { DocumentSubpageHead } from '../subpage-head';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Edit document' };

export default async function EditDocumentPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/documents/${id}/edit`);
  const [result, registers, organizations] = await Promise.all([
    loadDocument(id),
    getAccessToken().then((token) => listRegisters({ token })),
    listOrganizations(),
  ]);
  if (!result.ok) {
    return <UnavailableNotice title="This document cannot be edited right now" />;
  }
  const document = result.data;
  const back = `/documents/${document.id}`;

  if (!document.permissions.edit) {
    return (
      <section className="empty-state" aria-labelledby="edit-title">
        <h1 id="edit-title">You cannot edit {document.identifier}</h1>
        <p>Only editors and admins of the organization that owns it can change its details.</p>
        <Link className="button" href={back}>
          Back to the document
        </Link>
      </section>
    );
  }

  const shared = registers.ok ? registersOf(registers.data, document.organization) : [];
  const options: RegisterOption[] = [
    ...shared.map(({ slug, title, parties }) => ({ slug, title, parties })),
    // Keep registers it is already shared under selectable even if no longer listed.
    ...document.registers
      .filter((slug) => !shared.some((register) => register.slug === slug))
      .map((slug) => ({ slug, title: slug, parties: [] })),
  ];

  return (
    <>
      <DocumentSubpageHead
        document={document}
        current="Edit details"
        title={`Edit ${document.identifier}`}
        lead="Versions are not changed here: each file stays as it was uploaded."
      />
      <div className="card card--form">
        <DocumentForm
          mode="edit"
          action={updateDocumentAction.bind(null, document.id)}
          initial={{
            organization: document.organization,
            identifier: document.identifier,
            title: document.title,
            abstract: document.abstract,
            status: document.status,
            visibility: document.visibility,
            watermark: document.watermark,
            registers: document.registers,
          }}
          registers={options}
          choices={editChoices(document, document.permissions)}
          ownerName={
            (organizations.ok &&
              organizations.data.find((org) => org.slug === document.organization)?.name) ||
            document.organization
          }
          submitLabel="Save changes"
          cancelHref={back}
        />
      </div>
    </>
  );
}
