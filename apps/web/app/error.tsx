'use client';

// Last-resort boundary: anything the page did not handle itself shows this instead of a crash.
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="notice notice--error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title" className="notice__title">
        Something went wrong
      </h1>
      <p>This page could not be shown. Please try again in a moment.</p>
      <button type="button" className="button" onClick={() => reset()}>
        Try again
      </button>
    </section>
  );
}
