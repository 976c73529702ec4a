// 已删除小区 (#view=deleted): compounds deleted (softly), most recent first, who deleted them and when, and 恢复
// to bring one back (POST …/undelete with If-Match).
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { compoundQueries, useUndeleteCompound } from '../../api/compounds.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { PageFrame } from '../../ui/page-frame.tsx'
import { Pager } from '../../ui/pager.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { RouteGuard } from '../session/route-guard.tsx'

const pageSize = 50

export interface DeletedCompoundsPageProps {
  onBack: () => void
  /** After an undelete, the link that opens the compound on the map. */
  onShowCompound: (compoundId: number) => void
}

export function DeletedCompoundsPage(props: DeletedCompoundsPageProps) {
  const { t } = useI18n()
  return (
    <PageFrame title={t('menu.deleted')} onBack={props.onBack} testId="deleted-page">
      <RouteGuard route="GET /api/v1/deleted-compounds">
        <DeletedList {...props} />
      </RouteGuard>
    </PageFrame>
  )
}

function DeletedList({ onShowCompound }: DeletedCompoundsPageProps) {
  const { t, language } = useI18n()
  const [offset, setOffset] = useState(0)
  const deleted = useQuery({
    ...compoundQueries.deleted({ limit: pageSize, offset }),
    placeholderData: keepPreviousData,
  })
  // An undelete changes the compounds: the map, the counts and this list follow (api/data-changed.ts).
  const undeleting = useUndeleteCompound()
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const busy = undeleting.isPending ? (undeleting.variables?.id ?? null) : null
  const [restored, setRestored] = useState<{ id: number; name: string }[]>([])
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })

  const undelete = async (id: number, name: string, version: number) => {
    setRefusal(null)
    try {
      await undeleting.mutateAsync({ id, version })
      setRestored((r) => [{ id, name }, ...r])
    } catch (caught) {
      setRefusal(asApiError(caught))
      void deleted.refetch()
    }
  }

  const page = deleted.data
  return (
    <section className="page__section">
      <p className="muted">{t('deleted.explain')}</p>
      {restored.map(({ id, name }) => (
        <p key={id} className="form-success" role="status">
          {t('deleted.restored', { name })}{' '}
          <button type="button" className="button" onClick={() => onShowCompound(id)}>
            {t('dash.showOnMap')}
          </button>
        </p>
      ))}
      {refusal && <RefusalMessage error={refusal} />}
      {deleted.isError && <RefusalMessage error={asApiError(deleted.error)} />}
      {page && page.features.length === 0 && <p className="muted">{t('deleted.none')}</p>}
      {page && page.features.length > 0 && (
        <>
          <table className="data-list" data-testid="deleted-table">
            <thead>
              <tr>
                <th scope="col">{t('edit.field.name')}</th>
                <th scope="col">{t('details.street')}</th>
                <th scope="col">{t('details.community')}</th>
                <th scope="col">{t('deleted.at')}</th>
                <th scope="col">{t('deleted.by')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.features.map(({ properties: p }) => (
                <tr key={p.id} data-compound-id={p.id}>
                  <td>{p.name}</td>
                  <td>{p.streetName}</td>
                  <td>{p.communityName}</td>
                  <td>
                    <time dateTime={p.deletedAt}>{dateTime.format(new Date(p.deletedAt))}</time>
                  </td>
                  <td>
                    {p.deletedBy
                      ? (p.deletedBy.displayName ?? p.deletedBy.username)
                      : t('history.unknownUser')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      aria-busy={busy === p.id}
                      onClick={() => void undelete(p.id, p.name, p.version)}
                    >
                      {t('deleted.undelete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            limit={pageSize}
            total={page.numberMatched}
            shown={page.features.length}
            onOffset={setOffset}
          />
        </>
      )}
    </section>
  )
}
