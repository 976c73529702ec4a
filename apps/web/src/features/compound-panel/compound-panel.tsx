// The compound side panel: every attribute, its projects (items by category, funding by source), its
// health-check findings, its residents' suggestions and its buildings; for those who may, 编辑 and 删除; and the
// 历史记录 tab.
import {
  buildingStructure,
  type CompoundSnapshot,
  findingIndicator,
  findingSeverity,
  findingStatus,
  fundingSource,
  itemCategory,
  itemType,
  managementType,
  projectStatus,
  renovationStatus,
  suggestionChannel,
  suggestionStatus,
} from '@renewal-atlas/domain'
import { useState } from 'react'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { classifyCompound, statusClasses } from '../../map/compound-classes.ts'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { useSession } from '../session/session-context.tsx'
import { CompoundEditForm } from './compound-edit-form.tsx'
import type { CommunityOption } from './compound-fields.ts'
import { CompoundHistory } from './compound-history.tsx'
import { DeleteCompoundDialog } from './delete-compound-dialog.tsx'
import type { CompoundRecord } from './use-compound-record.ts'
import { useCompoundRecord } from './use-compound-record.ts'
import './compound-panel.css'

export interface CompoundPanelProps {
  compoundId: number
  onClose: () => void
  /** The communities an edit may move the compound to. */
  communities: readonly CommunityOption[]
}

export function CompoundPanel(props: CompoundPanelProps) {
  // A new compound starts with the details tab and no form open.
  return <CompoundPanelFor key={props.compoundId} {...props} />
}

type PanelTab = 'details' | 'history'

function CompoundPanelFor({ compoundId, onClose, communities }: CompoundPanelProps) {
  const { t } = useI18n()
  const { state, replaceCompound } = useCompoundRecord(compoundId)
  const { session, mayUseRoute, permits } = useSession()
  const [tab, setTab] = useState<PanelTab>('details')
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [saved, setSaved] = useState(false)
  const record = state.status === 'ready' ? state.record : null
  const name = record?.compound.properties.name ?? ''
  const streetCode = record?.compound.properties.streetCode
  const mayEdit = record !== null && mayUseRoute('PATCH /api/v1/compounds/{id}', streetCode)
  const mayDelete = record !== null && mayUseRoute('DELETE /api/v1/compounds/{id}', streetCode)
  const mayRestore =
    record !== null && mayUseRoute('POST /api/v1/compounds/{id}/history/{entryId}/restore', streetCode)
  // Signing out (or in as someone else) closes a form the new caller may not use.
  const showForm = editing && mayEdit
  // A planner sees why a compound of another street has no 编辑: it is not a fault.
  const outsideStreets = record !== null && !mayEdit && permits('editCompounds') && session.user !== null

  // The map and the counts follow by themselves: the write invalidated what it changed.
  const accept = (compound: CompoundSnapshot, etag: string | null) => {
    replaceCompound(compound, etag)
    setEditing(false)
    setSaved(true)
  }

  const tabs: { id: PanelTab; label: string }[] = [
    { id: 'details', label: t('panel.details') },
    { id: 'history', label: t('panel.history') },
  ]

  return (
    <aside
      className="compound-panel"
      aria-labelledby="compound-panel-title"
      data-compound-id={compoundId}
      data-map-panel
    >
      <div className="compound-panel__head">
        <h2 id="compound-panel-title">{name || t('details.loading')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {record && (
        <div className="compound-panel__bar">
          <div className="compound-panel__tabs" role="tablist" aria-label={t('panel.tabs')}>
            {tabs.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                role="tab"
                className="compound-panel__tab"
                id={`cp-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`cp-tabpanel-${id}`}
                onClick={() => setTab(id)}
              >
                {label}
              </button>
            ))}
          </div>
          {!showForm && (mayEdit || mayDelete) && (
            <div className="compound-panel__actions">
              {mayEdit && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setTab('details')
                    setSaved(false)
                    setEditing(true)
                  }}
                >
                  {t('panel.edit')}
                </button>
              )}
              {mayDelete && (
                <button
                  type="button"
                  className="button button--danger-quiet"
                  onClick={() => setDeleting(true)}
                >
                  {t('panel.delete')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {state.status === 'loading' && <p className="compound-panel__status">{t('details.loading')}</p>}
      {state.status === 'error' && (
        <div className="compound-panel__status">
          <p>{t('details.loadFailed')}</p>
          <RefusalMessage error={state.error} />
        </div>
      )}
      {record && tab === 'details' && (
        <div
          id="cp-tabpanel-details"
          role="tabpanel"
          aria-labelledby="cp-tab-details"
          className="compound-panel__scroll"
        >
          {outsideStreets && (
            <p className="note" data-testid="outside-streets">
              {t('panel.outsideStreets')}
            </p>
          )}
          {saved && !showForm && (
            <p className="form-success" role="status">
              {t('edit.saved')}
            </p>
          )}
          {showForm ? (
            <CompoundEditForm
              compound={record.compound}
              etag={record.etag}
              communities={communities}
              onSaved={accept}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <CompoundRecordView record={record} />
          )}
        </div>
      )}
      {record && tab === 'history' && (
        <div
          id="cp-tabpanel-history"
          role="tabpanel"
          aria-labelledby="cp-tab-history"
          className="compound-panel__scroll"
        >
          <CompoundHistory
            compoundId={compoundId}
            mayRestore={mayRestore}
            communities={communities}
            onRestored={accept}
          />
        </div>
      )}
      {deleting && record && (
        <DeleteCompoundDialog
          compound={record.compound}
          etag={record.etag}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false)
            onClose()
          }}
        />
      )}
    </aside>
  )
}

function CompoundRecordView({ record }: { record: CompoundRecord }) {
  // Money, areas and quantities as the dashboard writes them: 1,712万元, 12,345 m², 1,200 m² (never "m2").
  const { t, language, numbers } = useI18n()
  const p = record.compound.properties
  const cls = classifyCompound(statusClasses, p)
  const unknown = t('details.unknown')
  const buildings = record.buildings.features
  const buildingHouseholds = buildings.reduce((sum, b) => sum + b.properties.households, 0)
  const byStatus = record.suggestions.byStatus

  return (
    <div className="compound-panel__body" data-testid="compound-details">
      <section aria-labelledby="cp-attributes">
        <h3 id="cp-attributes">{t('details.attributes')}</h3>
        <dl className="attributes">
          <dt>{t('details.code')}</dt>
          <dd>{p.code}</dd>
          <dt>{t('details.address')}</dt>
          <dd>{p.address ?? unknown}</dd>
          <dt>{t('details.street')}</dt>
          <dd>{p.streetName}</dd>
          <dt>{t('details.community')}</dt>
          <dd>{p.communityName}</dd>
          <dt>{t('details.builtYear')}</dt>
          <dd data-field="builtYear">
            {p.builtYear === null ? unknown : t('details.builtYearValue', { year: p.builtYear })}
          </dd>
          <dt>{t('details.buildingCount')}</dt>
          <dd data-field="buildingCount">{numbers.count(p.buildingCount)}</dd>
          <dt>{t('details.households')}</dt>
          <dd data-field="households">
            {t('details.householdsValue', { count: numbers.count(p.households) })}
          </dd>
          <dt>{t('details.residents')}</dt>
          <dd>{numbers.count(p.residents)}</dd>
          <dt>{t('details.floorArea')}</dt>
          <dd>{p.floorAreaM2 === null ? unknown : numbers.area(p.floorAreaM2)}</dd>
          <dt>{t('details.management')}</dt>
          <dd>
            {p.managementType ? domainLabel(managementType.labels, p.managementType, language) : unknown}
          </dd>
          <dt>{t('details.onRegister')}</dt>
          <dd>{p.onOldRegister ? t('details.yes') : t('details.no')}</dd>
          <dt>{t('details.status')}</dt>
          <dd>
            {cls && (
              <span className="legend__swatch" style={{ backgroundColor: cls.colour }} aria-hidden="true" />
            )}
            {p.onOldRegister
              ? domainLabel(renovationStatus.labels, p.renovationStatus, language)
              : t('class.not_old')}
          </dd>
          <dt>{t('details.renovationYear')}</dt>
          <dd>{p.renovationYear ?? unknown}</dd>
          <dt>{t('details.synthetic')}</dt>
          <dd>{p.synthetic ? t('details.syntheticYes') : t('details.syntheticNo')}</dd>
        </dl>
      </section>

      <section aria-labelledby="cp-projects">
        <h3 id="cp-projects">{t('details.projects')}</h3>
        {record.projects.length === 0 && <p className="muted">{t('details.noProjects')}</p>}
        {record.projects.map((project) => (
          <article key={project.id} className="project">
            <h4>
              {project.name}{' '}
              <span className="tag">{domainLabel(projectStatus.labels, project.status, language)}</span>
            </h4>
            <p className="muted">
              {t('details.projectBudget', { amount: numbers.money(project.budgetYuan) })} ·{' '}
              {t('details.projectDates', {
                start: project.startDate ?? unknown,
                end: project.completionDate ?? unknown,
              })}
            </p>
            <h5>{t('details.funding')}</h5>
            <ul className="plain">
              {project.funding.map((f) => (
                <li key={f.source}>
                  {domainLabel(fundingSource.labels, f.source, language)}: {numbers.money(f.amountYuan)}
                </li>
              ))}
            </ul>
            <h5>{t('details.items')}</h5>
            {itemCategory.values
              .map((category) => ({ category, items: project.items.filter((i) => i.category === category) }))
              .filter((group) => group.items.length > 0)
              .map(({ category, items }) => (
                <div key={category} className="item-group" data-category={category}>
                  <h6>{domainLabel(itemCategory.labels, category, language)}</h6>
                  <ul className="plain">
                    {items.map((item, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: items have no id and never reorder
                      <li key={index}>
                        {domainLabel(itemType.labels, item.itemType, language)}
                        {item.quantity !== null ? ` · ${numbers.quantity(item.quantity, item.unit)}` : ''}
                        {' · '}
                        {numbers.money(item.costYuan)}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </article>
        ))}
      </section>

      <section aria-labelledby="cp-findings">
        <h3 id="cp-findings">
          {t('details.findings')} ({numbers.count(record.findings.features.length)})
        </h3>
        {record.findings.features.length === 0 && <p className="muted">{t('details.noFindings')}</p>}
        <ul className="plain">
          {record.findings.features.map(({ properties: f }) => (
            <li key={f.id}>
              <span className={`severity severity--${f.severity}`}>
                {domainLabel(findingSeverity.labels, f.severity, language)}
              </span>{' '}
              {domainLabel(findingIndicator.labels, f.indicator, language)} ·{' '}
              {domainLabel(findingStatus.labels, f.status, language)} · {f.foundDate}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cp-suggestions">
        <h3 id="cp-suggestions">{t('details.suggestions')}</h3>
        {record.suggestions.numberMatched === 0 ? (
          <p className="muted">{t('details.noSuggestions')}</p>
        ) : (
          <>
            <p>
              {t('details.suggestionsTotal', { count: numbers.count(record.suggestions.numberMatched) })}:{' '}
              {suggestionStatus.values
                .map(
                  (s) => `${domainLabel(suggestionStatus.labels, s, language)} ${numbers.count(byStatus[s])}`,
                )
                .join(' · ')}
            </p>
            <ul className="plain">
              {record.suggestions.features.map(({ properties: s }) => (
                <li key={s.id}>
                  <span className="tag">{domainLabel(suggestionChannel.labels, s.channel, language)}</span>{' '}
                  {s.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cp-buildings">
        <h3 id="cp-buildings">{t('details.buildings')}</h3>
        {buildings.length === 0 ? (
          <p className="muted">{t('details.noBuildings')}</p>
        ) : (
          <>
            <p data-field="buildingsSummary">
              {t('details.buildingsSummary', {
                count: numbers.count(buildings.length),
                households: numbers.count(buildingHouseholds),
              })}
            </p>
            <ul className="plain buildings">
              {buildings.map(({ properties: b }) => (
                <li key={b.id}>
                  {b.name ?? b.code}
                  {b.storeys !== null ? ` · ${t('details.storeys', { count: b.storeys })}` : ''}
                  {` · ${t('details.householdsValue', { count: numbers.count(b.households) })}`}
                  {b.structure ? ` · ${domainLabel(buildingStructure.labels, b.structure, language)}` : ''}
                  {` · ${b.hasLift ? t('details.lift') : t('details.noLift')}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}
