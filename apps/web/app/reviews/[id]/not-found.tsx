import Link from 'next/link';

export default function ReviewNotFound() {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <p className="empty-state__code">404</p>
      <h1 id="not-found-title">Review not found</h1>
      <p>
        There is no review or comment at this address, or you may not read it: a review is read by
        the people who may read its document, and comments by their authors’ organizations and the
        document owner’s editors until the resolution log is published.
      </p>
      <div className="form__actions">
        <Link className="button" href="/workspace">
          Go to your workspace
        </Link>
      </div>
    </section>
  );
}
