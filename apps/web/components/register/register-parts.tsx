import type { ReactNode } from 'react';
import styles from './register.module.css';
import shared from './registers.module.css';

/** A gap the register leaves ("?"), said in words and marked with a dashed outline. */
export function OpenBadge({ children = 'Open item' }: { children?: ReactNode }) {
  return <span className={`${shared.badge} ${styles.openBadge}`}>{children}</span>;
}

/** Nothing when the delivery is not shown to the reader (a document they may not read). */
export function DeliveryBadge({ delivery }: { delivery: 'delivered' | 'outstanding' | null }) {
  if (delivery === null) return null;
  return delivery === 'delivered' ? (
    <span className={`${shared.badge} ${styles.delivered}`}>
      <span aria-hidden="true">✓ </span>Delivered
    </span>
  ) : (
    <span className={`${shared.badge} ${styles.outstanding}`}>Outstanding</span>
  );
}

/** One section of the register, titled, with an id to link to from the open items. */
export function RegisterSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className={styles.intro}>{intro}</p>}
      {children}
    </section>
  );
}

/**
 * "Edit" for one item: a disclosure holding its form, so the page reads as the register until an
 * admin opens it. `what` names the item for screen readers.
 */
export function EditDisclosure({
  summary = 'Edit',
  what,
  children,
}: {
  summary?: string;
  what: string;
  children: ReactNode;
}) {
  return (
    <details className={styles.edit}>
      <summary>
        {summary}
        <span className="visually-hidden"> {what}</span>
      </summary>
      <div className={styles.editBody}>{children}</div>
    </details>
  );
}
