// 操作日志 (#view=audit): every write, newest first, 50 to a page, filtered by kind of record, record id or user;
// each entry's record before and after can be opened.
import { type AuditEntry, auditAction } from '@renewal-atlas/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { asApiError } from '../../api/api-error.ts'
import type { AuditFilter } from '../../api/audit.api.ts'
import { auditQuery } from '../../api/audit.queries.ts'
import { userQueries } from '../../api/users.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { PageFrame } from '../../ui/page-frame.tsx'
import { Pager } from '../../ui/pager.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { RouteGuard } from '../session/route-guard.tsx'
import { auditChanges } from './audit-diff.ts'
import './admin.css'

const pageSize = 50

/** The kinds of record the log knows; others show by their code. */
const entityTypes: Record<string, MessageKey> = {
  compound: 'audit.entity.compound',
  user: 'audit.entity.user',
  api_token: 'audit.entity.api_token',
}

export function AuditPage({ onBack }: { onBack: () => void }) {
  const { t } = useI18n()
  return (
    <PageFrame title={t('menu.audit')} onBack={onBack} testId="audit-page">
      <RouteGuard route="GET /api/v1/audit">
        <AuditLog />
      </RouteGuard>
    </PageFrame>
  )
}

function AuditLog() {
  const { t, language } = useI18n()
  const id = useId()
  const [filter, setFilter] = useState<AuditFilter>({})
  const [draft, setDraft] = useState({ entityType: '', entityId: '', userId: '' })
  const [offset, setOffset] = useState(0)
  const audit = useQuery({
    ...auditQuery(filter, { limit: pageSize, offset }),
    placeholderData: keepPreviousData,
  })
  // The user filter lists accounts; without the right to list them it falls back to a number.
  const users = useQuery(userQueries.page({ limit: 2000, offset: 0 }))
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' })

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setOffset(0)
    setFilter({
      ...(draft.entityType ? { entityType: draft.entityType } : {}),
      ...(draft.entityId.trim() ? { entityId: draft.entityId.trim() } : {}),
      ...(draft.userId ? { userId: Number(draft.userId) } : {}),
    })
  }

  const entityName = (type: string) => (entityTypes[type] ? t(entityTypes[type]) : type)
  const who = (entry: AuditEntry) =>
    entry.user ? (entry.user.displayName ?? entry.user.username) : t('history.unknownUser')
  const page = audit.data

  return (
    <>
      <form className="inline-form" onSubmit={apply} data-testid="audit-filter">
        <label htmlFor={`${id}-type`}>{t('audit.entityType')}</label>
        <select
          id={`${id}-type`}
          value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
        >
          <option value="">{t('filters.any')}</option>
          {Object.keys(entityTypes).map((type) => (
            <option key={type} value={type}>
              {entityName(type)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-entity`}>{t('audit.entityId')}</label>
        <input
          id={`${id}-entity`}
          value={draft.entityId}
          size={8}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
        />
        <label htmlFor={`${id}-user`}>{t('audit.user')}</label>
        {users.data ? (
          <select
            id={`${id}-user`}
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
          >
            <option value="">{t('filters.any')}</option>
            {users.data.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName ? `${u.displayName}（${u.username}）` : u.username}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-user`}
            inputMode="numeric"
            size={6}
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value.replace(/\D/g, '') })}
          />
        )}
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
      </form>
      <section className="page__section">
        {audit.isError && <RefusalMessage error={asApiError(audit.error)} />}
        {page && page.entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
        {page && page.entries.length > 0 && (
          <>
            <table className="data-list audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.id} data-entry-id={entry.id}>
                    <td>
                      <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time>
                    </td>
                    <td>{who(entry)}</td>
                    <td>{domainLabel(auditAction.labels, entry.action, language)}</td>
                    <td>
                      {entityName(entry.entityType)} #{entry.entityId}
                    </td>
                    <td>
                      <AuditChangeList entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              offset={offset}
              limit={pageSize}
              total={page.total}
              shown={page.entries.length}
              onOffset={setOffset}
            />
          </>
        )}
      </section>
    </>
  )
}

/** A value in one line: the outline as a word, long texts cut, nothing as a dash. */
function shown(key: string, value: unknown, outline: string): string {
  if (value === undefined || value === null || value === '') return '—'
  if (key === 'geometry') return outline
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function AuditChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n()
  const changes = auditChanges(entry.before, entry.after)
  if (changes.length === 0) return <span className="muted">—</span>
  const outline = t('edit.geometryValue')
  const list = (
    <ul className="audit-change">
      {changes.map(({ key, before, after }) => (
        <li key={key} data-field={key}>
          <code>{key}</code>:{' '}
          {entry.before !== null && <span className="history__before">{shown(key, before, outline)}</span>}
          {entry.before !== null && entry.after !== null && <span aria-hidden="true"> → </span>}
          {entry.after !== null && <span className="history__after">{shown(key, after, outline)}</span>}
        </li>
      ))}
    </ul>
  )
  // A change of a few fields reads at once; a whole record (a create or a delete) opens on request.
  return changes.length <= 3 ? (
    list
  ) : (
    <details>
      <summary>{t('audit.fields', { count: changes.length })}</summary>
      {list}
    </details>
  )
}
