import Link from 'next/link';
import { NotFoundPage } from '../../../components/not-found-page';
import { getViewer } from '../../../lib/session';

export default async function DocumentNotFound() {
  const viewer = await getViewer();
  return (
    <NotFoundPage
      title="Document not found"
      explanation={
        viewer
          ? 'There is no document or file at this address, or it is not shared with your organizations.'
          : 'There is no document or file at this address, or it is not shared publicly. If someone sent you this link, signing in may give you access.'
      }
      actions={
        <>
          <Link className="button" href="/">
            Go to the library
          </Link>
          {!viewer && (
            <Link className="button button--secondary" href="/login">
              Sign in
            </Link>
          )}
        </>
      }
    />
  );
}
