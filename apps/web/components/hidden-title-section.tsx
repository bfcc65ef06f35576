import type { CSSProperties, ReactNode } from 'react';

/** A section of a page whose title only screen readers need: what it shows already says it. */
export function HiddenTitleSection({
  id,
  title,
  className,
  style,
  children,
}: {
  id: string;
  title: string;
  className: string | undefined;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <section className={className} style={style} aria-labelledby={id}>
      <h2 id={id} className="visually-hidden">
        {title}
      </h2>
      {children}
    </section>
  );
}
