// The import wizard: ① file and target → ② coordinate system and fields → ③ check → ④ import. It holds what the
// steps share (the upload, the settings, the report, the committed record) and sends validate and commit; the
// step shown is in `data-import-step` for tests and styles.
import type {
  ImportRecord,
  ImportTarget,
  ImportUploadResponse,
  ImportValidationReport,
} from '@renewal-atlas/domain'
import { useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { validateImport } from '../../api/exchange.api.ts'
import { useCommitImport } from '../../api/exchange.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ImportCheckStep } from './import-check-step.tsx'
import { ImportDoneStep } from './import-done-step.tsx'
import { ImportFileStep } from './import-file-step.tsx'
import { ImportMappingStep } from './import-mapping-step.tsx'
import {
  type ImportSettings,
  importOptionsOf,
  initialSettings,
  newIdempotencyKey,
  withTarget,
} from './import-settings.ts'

type Step = 'file' | 'mapping' | 'check' | 'done'

const steps: { step: Step; key: MessageKey }[] = [
  { step: 'file', key: 'exchange.import.step.file' },
  { step: 'mapping', key: 'exchange.import.step.mapping' },
  { step: 'check', key: 'exchange.import.step.check' },
  { step: 'done', key: 'exchange.import.step.done' },
]

/** A request of the wizard: busy while it runs, its refusal kept to show in the step. */
function useRequest() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (caught) {
      console.error('An import request failed', caught)
      setError(asApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run, clear: () => setError(null) }
}

export function ImportWizard({ onBackToMap }: { onBackToMap: () => void }) {
  const { t } = useI18n()
  const [step, setStep] = useState<Step>('file')
  const [target, setTarget] = useState<ImportTarget>('buildings')
  const [upload, setUpload] = useState<ImportUploadResponse | null>(null)
  const [settings, setSettings] = useState<ImportSettings | null>(null)
  const [report, setReport] = useState<ImportValidationReport | null>(null)
  // One key per set of options checked and committed: a commit retried after a lost answer is the same commit.
  const [commitKey, setCommitKey] = useState('')
  const [record, setRecord] = useState<ImportRecord | null>(null)
  const request = useRequest()
  const commitMutation = useCommitImport()

  const goTo = (next: Step) => {
    request.clear()
    setStep(next)
  }

  const uploaded = (response: ImportUploadResponse) => {
    setUpload(response)
    setSettings(initialSettings(response.analysis, target))
    goTo('mapping')
  }

  const check = (current: ImportSettings, answer: ImportUploadResponse) =>
    request.run(async () => {
      const options = importOptionsOf(current, answer.analysis.format)
      setReport(await validateImport(answer.import.id, options))
      setCommitKey(newIdempotencyKey())
      goTo('check')
    })

  const commit = (current: ImportSettings, answer: ImportUploadResponse) =>
    request.run(async () => {
      const options = importOptionsOf(current, answer.analysis.format)
      setRecord(
        await commitMutation.mutateAsync({ id: answer.import.id, options, idempotencyKey: commitKey }),
      )
      goTo('done')
    })

  const restart = () => {
    setUpload(null)
    setSettings(null)
    setReport(null)
    setRecord(null)
    goTo('file')
  }

  const current = steps.findIndex((s) => s.step === step)
  return (
    <div className="wizard" data-import-step={step} data-testid="import-wizard">
      <ol className="wizard__steps" aria-label={t('exchange.import.steps')}>
        {steps.map((s, index) => (
          <li
            key={s.step}
            className={index < current ? 'is-done' : undefined}
            aria-current={s.step === step ? 'step' : undefined}
          >
            {t(s.key)}
          </li>
        ))}
      </ol>
      {step === 'file' && <ImportFileStep target={target} onTargetChange={setTarget} onUploaded={uploaded} />}
      {step === 'mapping' && upload && settings && (
        <ImportMappingStep
          fileName={upload.import.fileName}
          analysis={upload.analysis}
          settings={settings}
          onChange={setSettings}
          onTargetChange={(next) => {
            setTarget(next)
            setSettings(withTarget(settings, upload.analysis, next))
          }}
          onBack={restart}
          onCheck={() => void check(settings, upload)}
          busy={request.busy}
          error={request.error}
        />
      )}
      {step === 'check' && upload && settings && report && (
        <ImportCheckStep
          report={report}
          skipInvalid={settings.skipInvalid}
          onSkipInvalidChange={(skipInvalid) => {
            setSettings({ ...settings, skipInvalid })
            setCommitKey(newIdempotencyKey())
          }}
          onBack={() => goTo('mapping')}
          onCommit={() => void commit(settings, upload)}
          busy={request.busy}
          error={request.error}
        />
      )}
      {step === 'done' && record && (
        <ImportDoneStep record={record} onBackToMap={onBackToMap} onAnother={restart} />
      )}
    </div>
  )
}
