// The frame of the account and administration pages: a title, a way back to the map, and the page.
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context.tsx'

export function PageFrame({
  title,
  onBack,
  children,
  testId,
}: {
  title: string
  onBack: () => void
  children: ReactNode
  testId?: string
}) {
  const { t } = useI18n()
  return (
    <div className="page" {...(testId ? { 'data-testid': testId } : {})}>
      <div className="page__inner">
        <div className="page__head">
          <h2 className="page__title">{title}</h2>
          <button type="button" className="button" onClick={onBack}>
            {t('page.backToMap')}
          </button>
        </div>
        {children}
      </div>
    </div>
  )
}
