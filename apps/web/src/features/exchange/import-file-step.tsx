// Step ① of the import wizard: choose a file (from the disk or dropped here) and what it holds, and upload it.
// The Idempotency-Key is made once per chosen file, so uploading again after a failure creates one import, not two.
import { type ImportTarget, type ImportUploadResponse, importTarget } from '@renewal-atlas/domain'
import { type DragEvent, useId, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { useUploadImport } from '../../api/exchange.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ExchangeProblem } from './exchange-problem.tsx'
import { newIdempotencyKey } from './import-settings.ts'

/** The files the server reads: GeoJSON, GeoJSON text sequences (RS or newline-delimited), a zipped Shapefile, CSV. */
const accepted = '.geojson,.json,.geojsons,.geojsonl,.geojsonseq,.ndjson,.jsonl,.zip,.csv'

function acceptable(file: File): boolean {
  return /\.(geojson|json|geojsons|geojsonl|geojsonseq|ndjson|jsonl|zip|csv)$/i.test(file.name)
}

export function ImportFileStep({
  target,
  onTargetChange,
  onUploaded,
}: {
  target: ImportTarget
  onTargetChange: (target: ImportTarget) => void
  onUploaded: (upload: ImportUploadResponse) => void
}) {
  const { t, language, formatNumber } = useI18n()
  const id = useId()
  const [chosen, setChosen] = useState<{ file: File; key: string } | null>(null)
  const [wrongType, setWrongType] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const uploading = useUploadImport()
  const busy = uploading.isPending
  const [error, setError] = useState<ApiError | null>(null)

  const choose = (file: File | undefined) => {
    if (!file) return
    setError(null)
    if (!acceptable(file)) {
      setWrongType(file.name)
      return
    }
    setWrongType(null)
    setChosen({ file, key: newIdempotencyKey() })
  }

  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault()
    setDragging(false)
    choose(event.dataTransfer.files[0])
  }

  const upload = async () => {
    if (!chosen) return
    setError(null)
    try {
      onUploaded(await uploading.mutateAsync({ file: chosen.file, idempotencyKey: chosen.key }))
    } catch (caught) {
      setError(asApiError(caught))
    }
  }

  return (
    <section className="wizard-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exchange.import.step.file')}</h3>
      <fieldset
        className={`drop-zone ${dragging ? 'drop-zone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        <label id={`${id}-file-label`} htmlFor={`${id}-file`}>
          {t('exchange.import.chooseFile')}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={accepted}
          onChange={(event) => choose(event.target.files?.[0])}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="muted">
          {t('exchange.import.fileHint')}
        </p>
        {chosen && (
          <p data-testid="import-chosen-file">
            {t('exchange.import.chosen', {
              name: chosen.file.name,
              size: formatNumber(Math.ceil(chosen.file.size / 1024)),
            })}
          </p>
        )}
        {wrongType && (
          <p className="form-error" role="alert">
            {t('exchange.import.wrongType', { name: wrongType })}
          </p>
        )}
      </fieldset>
      <div className="exchange-field exchange-field__inline">
        <label htmlFor={`${id}-target`}>{t('exchange.import.target')}</label>
        <select
          id={`${id}-target`}
          value={target}
          onChange={(event) => onTargetChange(event.target.value as ImportTarget)}
        >
          {importTarget.values.map((value) => (
            <option key={value} value={value}>
              {domainLabel(importTarget.labels, value, language)}
            </option>
          ))}
        </select>
      </div>
      {error && <ExchangeProblem error={error} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!chosen || busy}
          aria-busy={busy}
          onClick={() => void upload()}
        >
          {busy ? t('exchange.import.uploading') : t('exchange.import.upload')}
        </button>
      </div>
    </section>
  )
}
