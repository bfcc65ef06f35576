import tables from './register/registers.module.css';
import { StackedTable, type StackedTableProps } from './stacked-table';

const CAPTIONED_LOOK = { wrap: tables.tableWrap, table: `${tables.table} ${tables.stack}` };

/**
 * A table of the register and administration pages: their look, and a caption everyone sees
 * unless `captionHidden`.
 */
export function CaptionedTable({ captionHidden = false, ...props }: StackedTableProps) {
  return <StackedTable look={CAPTIONED_LOOK} captionHidden={captionHidden} {...props} />;
}
