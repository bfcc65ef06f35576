import Link from 'next/link';
import { NotFoundPage } from '../../../components/not-found-page';

export default function ReviewNotFound() {
  return (
    <NotFoundPage
      title="Review not found"
      explanation="There is no review or comment at this address, or you may not read it: a review is read by the people who may read its document, and comments by their authors’ organizations and the document owner’s editors until the resolution log is published."
      actions={
        <Link className="button" href="/workspace">
          Go to your workspace
        </Link>
      }
    />
  );
}
