import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { isUuid } from '../../../../../lib/proxy';
import { requireViewer } from '../../../../../lib/session';
import { submissionFilePath, submissionPath } from '../../../../../lib/submission-links';
import { loadSubmission } from '../../data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Submission not found' };

type Props = { params: Promise<{ id: string; fileId: string }> };

/**
 * Where a download that the API refused lands (the download route redirects browsers here): the
 * "Submission not found" page with a 404 status, since a route handler cannot render it itself.
 * A file that is there after all leads to its submission.
 */
export default async function SubmissionFilePage({ params }: Props) {
  const { id, fileId } = await params;
  if (!isUuid(id) || !isUuid(fileId)) notFound();
  await requireViewer(submissionFilePath(id, fileId));
  const result = await loadSubmission(id);
  if (!result.ok || !result.data.files.some((file) => file.id === fileId)) notFound();
  redirect(`${submissionPath(id)}#files`);
}
