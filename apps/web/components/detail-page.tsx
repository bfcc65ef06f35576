import type { ReactNode } from 'react';
import { Breadcrumb } from './breadcrumb';
import { HiddenTitleSection } from './hidden-title-section';

interface DetailPageProps {
  /** The article's class, e.g. "document" or "submission". */
  className: string;
  titleId: string;
  title: string;
  /** The list the breadcrumb leads back to, and the current page's name in it. */
  parent: { href: string; label: string };
  crumb: string;
  eyebrow: ReactNode;
  eyebrowClassName?: string;
  badges: ReactNode;
  /** Under the badges, e.g. what the state means. */
  headNote?: ReactNode;
  /** A success message after an action brought the person here. */
  notice: string | undefined;
  /** The abstract or description: its heading (for screen readers), text and placeholder. */
  summary: {
    headingId: string;
    heading: string;
    text: string | null | undefined;
    textClassName?: string;
    empty: string;
  };
  layoutClassName?: string;
  /** The wide column; absent, the aside's cards take the whole width. */
  main?: ReactNode;
  asideLabel: string;
  aside: ReactNode;
  /** Sections below the two columns. */
  children?: ReactNode;
}

/** The frame of a document's or a submission's page: head, summary, main column and aside. */
export function DetailPage({
  className,
  titleId,
  title,
  parent,
  crumb,
  eyebrow,
  eyebrowClassName,
  badges,
  headNote,
  notice,
  summary,
  layoutClassName,
  main,
  asideLabel,
  aside,
  children,
}: DetailPageProps) {
  return (
    <article className={className} aria-labelledby={titleId}>
      <Breadcrumb trail={[parent]} current={crumb} />

      <header className="document__head">
        <p className={`document__eyebrow${eyebrowClassName ? ` ${eyebrowClassName}` : ''}`}>
          {eyebrow}
        </p>
        <h1 id={titleId}>{title}</h1>
        <div className="badges">{badges}</div>
        {headNote}
      </header>

      {notice && (
        <div className="notice notice--success" role="status">
          <p className="notice__title">{notice}</p>
        </div>
      )}

      <HiddenTitleSection
        id={summary.headingId}
        title={summary.heading}
        className="document__summary"
      >
        {summary.text ? (
          <p
            className={`document__abstract${summary.textClassName ? ` ${summary.textClassName}` : ''}`}
          >
            {summary.text}
          </p>
        ) : (
          <p className="muted">{summary.empty}</p>
        )}
      </HiddenTitleSection>

      <div className={`document__layout${layoutClassName ? ` ${layoutClassName}` : ''}`}>
        {main && <div className="document__main">{main}</div>}
        <aside className="document__aside" aria-label={asideLabel}>
          {aside}
        </aside>
      </div>

      {children}
    </article>
  );
}
