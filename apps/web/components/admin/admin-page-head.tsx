import type { ReactNode } from 'react';
import styles from './admin.module.css';

/** The title of an administration or account page, and what the page is for under it. */
export function AdminPageHead({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.header}>
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}
