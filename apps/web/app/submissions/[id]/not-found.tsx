import Link from 'next/link';
import { NotFoundPage } from '../../../components/not-found-page';

export default function SubmissionNotFound() {
  return (
    <NotFoundPage
      title="Submission not found"
      explanation="There is no submission or file at this address, or you are not one of the people who may read it: the submitter, the admins of the submitting organization and the admins of the receiving organization."
      actions={
        <Link className="button" href="/submissions">
          Go to my submissions
        </Link>
      }
    />
  );
}
