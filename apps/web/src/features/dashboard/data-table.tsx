// A statistics table as an HTML table: columns and zh/en headers from the shared table definitions
// (stats.tables.ts), so the dashboard shows what the CSV and Excel downloads hold.
import { formatCell, type TableDefinition } from '@renewal-atlas/domain'
import type { ReactNode } from 'react'
import { labelIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

export interface DataTableProps<Row> {
  table: TableDefinition<Row>
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** Cells written otherwise than by their kind, e.g. English names of coded rows. */
  text?: Partial<Record<keyof Row & string, (row: Row) => string>>
  /** Columns of the definition not shown (they still download). */
  hide?: readonly (keyof Row & string)[]
  /** A last column of actions, e.g. 定位. */
  action?: { header: string; render: (row: Row) => ReactNode }
  /** A row after the body, e.g. totals. */
  foot?: ReactNode
}

export function DataTable<Row>({ table, rows, rowKey, text, hide, action, foot }: DataTableProps<Row>) {
  const { language, numbers: format } = useI18n()
  const columns = table.columns.filter((column) => !hide?.includes(column.key))
  return (
    <div className="data-table">
      <table>
        <caption className="visually-hidden">{labelIn(table.title, language)}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.kind === 'text' ? undefined : 'num'}>
                {labelIn(column.header, language)}
              </th>
            ))}
            {action && <th scope="col">{action.header}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const custom = text?.[column.key]
                const none = column.noValue?.when(row) ? labelIn(column.noValue.label, language) : undefined
                return (
                  <td
                    key={column.key}
                    className={column.kind === 'text' ? undefined : 'num'}
                    data-column={column.key}
                  >
                    {none ??
                      (custom
                        ? custom(row)
                        : formatCell(column.kind, row[column.key], format, column.labels))}
                  </td>
                )
              })}
              {action && <td>{action.render(row)}</td>}
            </tr>
          ))}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  )
}
