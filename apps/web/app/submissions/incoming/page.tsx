import type { Metadata } from 'next';
import { SubmissionBox } from '../../../components/submission/submission-box';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Incoming submissions' };

export default function IncomingSubmissionsPage() {
  return <SubmissionBox box="incoming" />;
}
