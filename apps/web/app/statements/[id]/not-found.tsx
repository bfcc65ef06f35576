import Link from 'next/link';
import { NotFoundPage } from '../../../components/not-found-page';

export default function StatementNotFound() {
  return (
    <NotFoundPage
      title="Statement not found"
      explanation="There is no liaison statement or attachment at this address, or you may not read it: a statement for the parties is read by the members of the sending and receiving organizations only, and a draft by its organization’s editors and admins."
      actions={
        <Link className="button" href="/registers">
          Go to the work registers
        </Link>
      }
    />
  );
}
