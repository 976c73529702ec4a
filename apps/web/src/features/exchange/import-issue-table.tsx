// The features of a checked file that have issues: place in the file, code, result and each issue with its
// reason; picking a row shows the feature on the preview map.
import { type ImportFeatureReport, importIssueCode } from '@renewal-atlas/domain'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

/** Rows listed; the counts above always cover the whole file. */
const maxRows = 500

export function ImportIssueTable({
  features,
  onPick,
}: {
  features: readonly ImportFeatureReport[]
  onPick: (n: number) => void
}) {
  const { t, language, formatNumber } = useI18n()
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
            <tr key={feature.n} data-n={feature.n} data-status={feature.status}>
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
                    <li key={`${issue.code}:${issue.field}:${issue.detail}`} data-code={issue.code}>
                      <strong>{domainLabel(importIssueCode.labels, issue.code, language)}</strong>
                      {issue.field && <code> {issue.field}</code>}: {issue.detail}
                    </li>
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
