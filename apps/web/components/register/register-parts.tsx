import type { WorkRegisterSummary } from '@liaison/core';
import type { ReactNode } from 'react';
import { Fact } from '../fact';
import { ReviewDue } from './badges';
import { CalendarDate } from './dates';
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

/**
 * One section of the register, titled, with an id to link to from the open items. `edit`, when the
 * caller may change the section, is its one "Edit" entry, beside the heading: a disclosure holding
 * every form of the section, so the page reads as the register until an admin opens it.
 */
export function RegisterSection({
  id,
  title,
  intro,
  edit,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  edit?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`}>{title}</h2>
      </div>
      {edit && (
        <details className={styles.sectionEdit} id={`${id}-edit`}>
          <summary>
            Edit<span className="visually-hidden"> {title}</span>
          </summary>
          <div className={styles.editBody}>{edit}</div>
        </details>
      )}
      {intro && <p className={styles.intro}>{intro}</p>}
      {children}
    </section>
  );
}

/** One item inside a section's edit panel: named, its form, and apart from it its removal. */
export function EditItem({
  title,
  children,
  remove,
}: {
  title: string;
  children: ReactNode;
  remove?: ReactNode;
}) {
  return (
    <section className={styles.editItem} aria-label={title}>
      <h3>{title}</h3>
      {children}
      {remove && <div className={styles.removeArea}>{remove}</div>}
    </section>
  );
}

/**
 * A register's version, initiation date and review date, as its page and the list of registers
 * show them; `dueAsWritten` is the review date as the register words it, where it does.
 */
export function RegisterFacts({
  register,
  initiatedLabel,
  dueAsWritten,
  now,
}: {
  register: Pick<WorkRegisterSummary, 'version' | 'initiatedOn' | 'reviewDue'>;
  initiatedLabel: string;
  dueAsWritten?: string;
  now: Date;
}) {
  return (
    <dl className="facts facts--grid">
      <Fact term="Version">{register.version || <span className="muted">Not set</span>}</Fact>
      <Fact term={initiatedLabel}>
        <CalendarDate value={register.initiatedOn} />
      </Fact>
      <Fact term="Review due">
        <ReviewDue value={register.reviewDue} asWritten={dueAsWritten} now={now} />
      </Fact>
    </dl>
  );
}
