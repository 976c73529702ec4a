// 导入记录: every import, newest first: when, who, which file, into what, its status and counts, with 撤销 for
// those committed. An upload, a commit or a rollback invalidates it.
import { type ImportRecord, importStatus, importTarget } from '@renewal-atlas/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { asApiError } from '../../api/api-error.ts'
import { importsQuery } from '../../api/exchange.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { Pager } from '../../ui/pager.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { RollbackDialog } from './rollback-dialog.tsx'

const pageSize = 20

export function ImportHistory() {
  const { t, language, formatNumber } = useI18n()
  const [offset, setOffset] = useState(0)
  const [rollingBack, setRollingBack] = useState<ImportRecord | null>(null)
  const imports = useQuery({
    ...importsQuery({ limit: pageSize, offset }),
    placeholderData: keepPreviousData,
  })
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
  const page = imports.data
  const counts = (record: ImportRecord) =>
    record.counts.created === null
      ? t('exchange.history.countsRead', { features: formatNumber(record.counts.features) })
      : t('exchange.history.counts', {
          features: formatNumber(record.counts.features),
          created: formatNumber(record.counts.created),
          skipped: formatNumber(record.counts.skipped ?? 0),
        })

  return (
    <section className="page__section" aria-labelledby="import-history-title" data-testid="import-history">
      <h3 id="import-history-title">{t('exchange.history.title')}</h3>
      {imports.isError && <RefusalMessage error={asApiError(imports.error)} />}
      {page && page.imports.length === 0 && <p className="muted">{t('exchange.history.empty')}</p>}
      {page && page.imports.length > 0 && (
        <>
          <table className="data-list">
            <thead>
              <tr>
                <th scope="col">{t('exchange.history.at')}</th>
                <th scope="col">{t('exchange.history.by')}</th>
                <th scope="col">{t('exchange.history.file')}</th>
                <th scope="col">{t('exchange.import.target')}</th>
                <th scope="col">{t('exchange.history.status')}</th>
                <th scope="col">{t('exchange.history.countsTitle')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('exchange.history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.imports.map((record) => (
                <tr key={record.id} data-import-id={record.id} data-status={record.status}>
                  <td>
                    <time dateTime={record.createdAt}>{dateTime.format(new Date(record.createdAt))}</time>
                  </td>
                  <td>{record.createdBy?.username ?? t('history.unknownUser')}</td>
                  <td>{record.fileName}</td>
                  <td>{record.target ? domainLabel(importTarget.labels, record.target, language) : '—'}</td>
                  <td>{domainLabel(importStatus.labels, record.status, language)}</td>
                  <td>{counts(record)}</td>
                  <td>
                    {record.status === 'committed' && (
                      <button
                        type="button"
                        className="button button--danger-quiet"
                        onClick={() => setRollingBack(record)}
                      >
                        {t('exchange.rollback.open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            limit={pageSize}
            total={page.numberMatched}
            shown={page.imports.length}
            onOffset={setOffset}
          />
        </>
      )}
      {rollingBack && (
        <RollbackDialog
          record={rollingBack}
          onClose={() => setRollingBack(null)}
          onRolledBack={() => setRollingBack(null)}
        />
      )}
    </section>
  )
}
