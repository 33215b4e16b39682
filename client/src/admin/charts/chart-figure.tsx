import { useId, type ReactNode } from 'react';
import { useTranslate } from '../../lib/locale-context.tsx';
import { chartStrings } from './charts.strings.ts';

export type DataColumn = { label: string; numeric?: boolean };

/**
 * A chart with its data as a table: the drawing is hidden from screen readers, which get the table (behind
 * "Xem bảng số liệu"). Rows are already formatted text.
 */
export function ChartFigure({
  title,
  description,
  columns,
  rows,
  children,
}: {
  title: string;
  description?: string;
  columns: DataColumn[];
  rows: Array<{ key: string; cells: string[] }>;
  children: ReactNode;
}) {
  const t = useTranslate(chartStrings);
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      {description && <p className="chart__description">{description}</p>}
      <div className="chart__drawing" aria-hidden="true">
        {children}
      </div>
      <details className="chart__data">
        <summary>{t('showTable', { title })}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className={columns[index]?.numeric ? 'num' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
