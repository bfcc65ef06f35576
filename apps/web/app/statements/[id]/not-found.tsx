import Link from 'next/link';

export default function StatementNotFound() {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <p className="empty-state__code">404</p>
      <h1 id="not-found-title">Statement not found</h1>
      <p>
        There is no liaison statement or attachment at this address, or you may not read it: a
        statement for the parties is read by the members of the sending and receiving organizations
        only, and a draft by its organization’s editors and admins.
      </p>
      <div className="form__actions">
        <Link className="button" href="/registers">
          Go to the work registers
        </Link>
      </div>
    </section>
  );
}
