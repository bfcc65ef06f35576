import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { isUuid } from '../../../../../lib/proxy';
import { loadDocument } from '../../data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Document not found' };

type Props = { params: Promise<{ id: string; versionId: string }> };

/**
 * Where a download that the API refused lands (the download route redirects browsers here): the
 * "Document not found" page with a 404 status, since a route handler cannot render it itself.
 * A version that is there after all leads to its document.
 */
export default async function VersionPage({ params }: Props) {
  const { id, versionId } = await params;
  if (!isUuid(versionId)) notFound();
  const result = await loadDocument(id);
  const version = result.ok
    ? result.data.versions.find((candidate) => candidate.id === versionId)
    : undefined;
  if (!version || version.withdrawn) notFound();
  redirect(`/documents/${id}`);
}
