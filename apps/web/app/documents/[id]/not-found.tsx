import Link from 'next/link';
import { getViewer } from '../../../lib/session';

export default async function DocumentNotFound() {
  const viewer = await getViewer();
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <p className="empty-state__code">404</p>
      <h1 id="not-found-title">Document not found</h1>
      <p>
        {viewer
          ? 'There is no document or file at this address, or it is not shared with your organizations.'
          : 'There is no document or file at this address, or it is not shared publicly. If someone sent you this link, signing in may give you access.'}
      </p>
      <div className="form__actions">
        <Link className="button" href="/">
          Go to the library
        </Link>
        {!viewer && (
          <Link className="button button--secondary" href="/login">
            Sign in
          </Link>
        )}
      </div>
    </section>
  );
}
