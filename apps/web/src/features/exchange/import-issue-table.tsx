// The features of a checked file that have issues: place in the file, code, result and each issue with its reason
// in the interface language (the source's own words, such as PostGIS's, as a detail beneath); picking a row shows the
// feature on the preview map, picking a place an issue names flies to its marker.
import {
  type ImportFeatureReport,
  type ImportIssue,
  type ImportTarget,
  importIssueCode,
} from '@renewal-atlas/domain'
import { domainLabel, reasonIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

/** Rows listed; the counts above always cover the whole file. */
const maxRows = 500

export function ImportIssueTable({
  features,
  target,
  focusedN,
  onPick,
}: {
  features: readonly ImportFeatureReport[]
  target: ImportTarget
  /** The feature picked last, highlighted. */
  focusedN: number | null
  onPick: (n: number, location?: [number, number]) => void
}) {
  const { t, formatNumber } = useI18n()
  const withIssues = features.filter((f) => f.issues.length > 0)
  if (withIssues.length === 0) {
    return <p className="form-success">{t('exchange.import.noIssues')}</p>
  }
  return (
    <>
      <table className="data-list issue-table" data-testid="import-issues">
        <caption className="visually-hidden">{t('exchange.import.issueTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.import.featureNo')}</th>
            <th scope="col">{t('exchange.import.featureCode')}</th>
            <th scope="col">{t('exchange.import.featureResult')}</th>
            <th scope="col">{t('exchange.import.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {withIssues.slice(0, maxRows).map((feature) => (
            <tr
              key={feature.n}
              data-n={feature.n}
              data-status={feature.status}
              className={feature.n === focusedN ? 'issue-table__row--focused' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  title={t('exchange.import.showOnMap')}
                  onClick={() => onPick(feature.n)}
                >
                  {feature.n}
                </button>
              </td>
              <td>{feature.code ?? '—'}</td>
              <td>
                <span className={`tag import-status import-status--${feature.status}`}>
                  {t(`exchange.import.status.${feature.status}`)}
                </span>
              </td>
              <td>
                <ul className="plain">
                  {feature.issues.map((issue) => (
                    <IssueItem
                      key={`${issue.reason}:${JSON.stringify(issue.params)}`}
                      issue={issue}
                      target={target}
                      onLocate={(location) => onPick(feature.n, location)}
                    />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {withIssues.length > maxRows && (
        <p className="muted">
          {t('exchange.import.moreIssues', {
            shown: formatNumber(maxRows),
            total: formatNumber(withIssues.length),
          })}
        </p>
      )}
    </>
  )
}

function IssueItem({
  issue,
  target,
  onLocate,
}: {
  issue: ImportIssue
  target: ImportTarget
  onLocate: (location: [number, number]) => void
}) {
  const { t, language } = useI18n()
  const { location } = issue
  return (
    <li data-code={issue.code} data-reason={issue.reason} data-field={issue.field}>
      <strong>{domainLabel(importIssueCode.labels, issue.code, language)}</strong>
      {t('exchange.import.reasonSeparator')}
      <span className="issue-reason">{reasonIn(issue, language, target)}</span>
      {issue.detail && (
        <small className="issue-detail">
          {t('exchange.import.detail')}
          {t('exchange.import.reasonSeparator')}
          <span lang="en">{issue.detail}</span>
        </small>
      )}
      {location && (
        <button
          type="button"
          className="link-button issue-location"
          data-testid="import-issue-location"
          title={t('exchange.import.showLocation')}
          onClick={() => onLocate(location)}
        >
          {t('exchange.import.location', { lon: location[0].toFixed(5), lat: location[1].toFixed(5) })}
        </button>
      )}
    </li>
  )
}
