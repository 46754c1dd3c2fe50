import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type PreviewColumn<Row> = {
  header: ReactNode;
  /** The heading cell's classes; "px-3 py-2" unless given. */
  headerClassName?: string;
  cellClassName?: string;
  cell: (row: Row) => ReactNode;
};

/**
 * What a bulk action will do, row by row, before it is confirmed: a scrolling, named region with a table whose
 * heading stays in view. Columns and row attributes (test ids, data-status) come from the caller.
 */
export function PreviewTable<Row>({
  label,
  caption,
  className,
  columns,
  rows,
  rowKey,
  rowProps,
}: {
  /** The scroll region's accessible name. */
  label: string;
  /** The table's caption, for screen readers. */
  caption: string;
  /** The region's height limit, e.g. "max-h-96". */
  className: string;
  columns: PreviewColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string | number;
  rowProps?: (row: Row) => Record<`data-${string}`, string | number>;
}) {
  return (
    <ScrollRegion label={label} className={`${className} rounded-lg border border-line bg-surface`}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-raised text-left text-xs text-muted">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.headerClassName ?? "px-3 py-2"}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)} className="border-t border-line align-top" {...rowProps?.(r)}>
              {columns.map((c, j) => (
                <td key={j} className={c.cellClassName}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
