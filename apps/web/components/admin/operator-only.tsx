import styles from './admin.module.css';

/** What people who are not the portal operator see on the operator's pages. */
export function OperatorOnly({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <div className={styles.info}>
        <p>This section is for the portal operator.</p>
      </div>
    </>
  );
}
