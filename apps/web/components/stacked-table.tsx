import type { ReactNode } from 'react';

/** The class names of a table's scrolling wrapper and of the table itself. */
export interface TableLook {
  wrap: string | undefined;
  table: string;
}

const SITE_LOOK: TableLook = { wrap: 'table-wrap', table: 'table table--stack' };

export interface StackedTableProps {
  caption: ReactNode;
  /** Whether only screen readers read the caption. */
  captionHidden?: boolean;
  columns: readonly string[];
  /** The hidden heading of a last column of actions, e.g. "Actions". */
  actions?: string;
  className?: string;
  testId?: string;
  /** The rows. */
  children: ReactNode;
}

/**
 * A table whose rows stack into labelled cards on narrow screens: each cell names its column in
 * `data-label`. By default in the site's look, with a caption for screen readers only.
 */
export function StackedTable({
  caption,
  captionHidden = true,
  columns,
  actions,
  className,
  testId,
  look = SITE_LOOK,
  children,
}: StackedTableProps & { look?: TableLook }) {
  return (
    <div className={look.wrap}>
      <table className={className ? `${look.table} ${className}` : look.table} data-testid={testId}>
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
