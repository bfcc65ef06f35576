import type { Metadata } from 'next';
import { SubmissionBox } from '../../components/submission/submission-box';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'My submissions' };

export default function OutgoingSubmissionsPage() {
  return <SubmissionBox box="outgoing" />;
}
