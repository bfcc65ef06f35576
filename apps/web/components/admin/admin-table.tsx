import type { ReactNode } from 'react';
import tables from '../register/registers.module.css';

/**
 * An administration table: a visible caption (or one for screen readers only), its column
 * headings, and a last column of actions whose heading only screen readers read. Its rows stack
 * into cards on narrow screens.
 */
export function AdminTable({
  caption,
  captionHidden = false,
  columns,
  actions,
  className,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly string[];
  /** The hidden heading of a last column of actions, e.g. "Remove". */
  actions?: string;
  className?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className={tables.tableWrap}>
      <table className={[tables.table, tables.stack, className].filter(Boolean).join(' ')}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
