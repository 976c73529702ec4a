// How far a download has come: features written out of those the file holds for text formats (a determinate
// bar), or the bytes received so far for zips (an indeterminate bar with the amount as text).
import { useI18n } from '../../i18n/i18n-context.tsx'
import { featuresWritten, type ProgressKind } from './export-request.ts'
import type { DownloadProgress as Progress } from './file-download.ts'

export function formatBytes(bytes: number, formatNumber: (n: number) => string): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`
  return `${formatNumber(Math.round(bytes / (1024 * 104.8576)) / 10)} MB`
}

export function DownloadProgress({ progress, kind }: { progress: Progress; kind: ProgressKind }) {
  const { t, formatNumber } = useI18n()
  const received = formatBytes(progress.bytes, formatNumber)
  if (kind.kind === 'lines' && progress.total !== null) {
    const written = featuresWritten(progress.newlines, kind.headerLines, progress.total)
    const text = t('exchange.export.progressFeatures', {
      written: formatNumber(written),
      total: formatNumber(progress.total),
    })
    return (
      <div className="exchange-progress">
        <progress
          value={written}
          max={Math.max(1, progress.total)}
          aria-label={t('exchange.export.progress')}
          aria-valuenow={written}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuetext={text}
          data-testid="export-progress"
        />
        <span aria-live="polite">
          {text} · {received}
        </span>
      </div>
    )
  }
  const text = t('exchange.export.progressBytes', { received })
  return (
    <div className="exchange-progress">
      <progress
        aria-label={t('exchange.export.progress')}
        aria-valuenow={progress.bytes}
        aria-valuemin={0}
        aria-valuetext={text}
        data-testid="export-progress"
      />
      <span aria-live="polite">{text}</span>
    </div>
  )
}
