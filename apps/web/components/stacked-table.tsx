import type { ReactNode } from 'react';

/**
 * A table whose rows stack into labelled cards on narrow screens: each cell names its column in
 * `data-label`. `caption` is read by screen readers only.
 */
export function StackedTable({
  caption,
  columns,
  actions,
  className,
  testId,
  children,
}: {
  caption: ReactNode;
  columns: readonly string[];
  /** The hidden heading of a last column of actions, e.g. "Actions". */
  actions?: string;
  className?: string;
  testId?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table
        className={className ? `table table--stack ${className}` : 'table table--stack'}
        data-testid={testId}
      >
        <caption className="visually-hidden">{caption}</caption>
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
