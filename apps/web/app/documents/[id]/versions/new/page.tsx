import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '../../../../../components/breadcrumb';
import { VersionUpload } from '../../../../../components/version-upload';
import { requireViewer } from '../../../../../lib/session';
import { loadDocument } from '../../data';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Upload a version' };

export default async function NewVersionPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/documents/${id}/versions/new`);
  const result = await loadDocument(id);
  if (!result.ok) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">Uploads are not possible right now</p>
        <p>Liaison’s API did not answer as expected. Try again in a moment.</p>
      </div>
    );
  }
  const document = result.data;
  const back = `/documents/${document.id}`;

  return (
    <>
      <Breadcrumb
        trail={[
          { href: '/', label: 'Library' },
          { href: back, label: document.identifier },
        ]}
        current="Upload a version"
      />
      <div className="page-head">
        <div className="page-head__text">
          <h1>Upload a new version of {document.identifier}</h1>
          <p className="lead">{document.title}</p>
        </div>
      </div>
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
