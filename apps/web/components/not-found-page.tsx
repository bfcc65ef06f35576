import type { ReactNode } from 'react';

/** A 404 page: what is not found, why a reader may not see it, and where to go instead. */
export function NotFoundPage({
  title,
  explanation,
  actions,
}: {
  title: string;
  explanation: ReactNode;
  /** The links onward (buttons). */
  actions: ReactNode;
}) {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <p className="empty-state__code">404</p>
      <h1 id="not-found-title">{title}</h1>
      <p>{explanation}</p>
      <div className="form__actions">{actions}</div>
    </section>
  );
}
