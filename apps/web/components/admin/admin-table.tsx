import tables from '../register/registers.module.css';
import { StackedTable, type StackedTableProps } from '../stacked-table';

const ADMIN_LOOK = { wrap: tables.tableWrap, table: `${tables.table} ${tables.stack}` };

/** A table of the administration pages: their look, and a caption everyone sees by default. */
export function AdminTable({ captionHidden = false, ...props }: StackedTableProps) {
  return <StackedTable look={ADMIN_LOOK} captionHidden={captionHidden} {...props} />;
}
