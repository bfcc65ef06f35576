import type { Metadata } from 'next';
import Link from 'next/link';
import { UnavailableNotice } from '../../../../../components/unavailable-notice';
import { VersionUpload } from '../../../../../components/version-upload';
import { requireViewer } from '../../../../../lib/session';
import { loadDocument } from '../../data';
import { DocumentSubpageHead } from '../../subpage-head';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Upload a version' };

export default async function NewVersionPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/documents/${id}/versions/new`);
  const result = await loadDocument(id);
  if (!result.ok) {
    return <UnavailableNotice title="Uploads are not possible right now" />;
  }
  const document = result.data;
  const back = `/documents/${document.id}`;

  return (
    <>
      <DocumentSubpageHead
        document={document}
        current="Upload a version"
        title={`Upload a new version of ${document.identifier}`}
        lead={document.title}
      />
      {document.permissions.upload ? (
        <div className="card card--form">
          <VersionUpload
            documentId={document.id}
            documentIdentifier={document.identifier}
            existingLabels={document.versions.map((version) => version.label)}
            documentHref={back}
          />
        </div>
      ) : (
        <section className="empty-state" aria-label="Not allowed">
          <p>Only editors and admins of the organization that owns it can upload its versions.</p>
          <Link className="button" href={back}>
            Back to the document
          </Link>
        </section>
      )}
    </>
  );
}
