import Link from 'next/link';

export default function SubmissionNotFound() {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <p className="empty-state__code">404</p>
      <h1 id="not-found-title">Submission not found</h1>
      <p>
        There is no submission or file at this address, or you are not one of the people who may
        read it: the submitter, the admins of the submitting organization and the admins of the
        receiving organization.
      </p>
      <div className="form__actions">
        <Link className="button" href="/submissions">
          Go to my submissions
        </Link>
      </div>
    </section>
  );
}
