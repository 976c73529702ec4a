// Print and share: 打印 (the print stylesheet lays the dashboard out on A4 landscape), and for roles that may
// export, the server's PDF report under the same filter and a PNG of the dashboard as it is on screen.
import type { StatsFilter } from '@renewal-atlas/domain'
import { type RefObject, useState } from 'react'
import { reportPdfUrl } from '../../api/stats.api.ts'
import { formatLanguage } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { useSession } from '../session/session-context.tsx'

export const pngFileName = 'renewal-atlas-dashboard.png'

export interface DashboardActionsProps {
  filter: StatsFilter
  /** The element the PNG shows. */
  pageRef: RefObject<HTMLElement | null>
}

/** Elements marked `no-capture` (these buttons) are left out of the PNG. */
function captured(node: Node): boolean {
  return !(node instanceof Element && node.classList.contains('no-capture'))
}

export function DashboardActions({ filter, pageRef }: DashboardActionsProps) {
  const { t, language } = useI18n()
  const mayExport = useSession().permits('export')
  const [saving, setSaving] = useState(false)
  const [failed, setFailed] = useState(false)

  const savePng = async () => {
    const page = pageRef.current
    if (!page) return
    setSaving(true)
    setFailed(false)
    try {
      // Loaded on first use: the screenshot library is needed only here.
      const { domToPng } = await import('modern-screenshot')
      const dataUrl = await domToPng(page, { backgroundColor: '#ffffff', scale: 2, filter: captured })
      const link = document.createElement('a')
      link.href = dataUrl
      link.download = pngFileName
      link.click()
    } catch (error) {
      console.error('Saving the dashboard as PNG failed', error)
      setFailed(true)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="dashboard-actions no-capture no-print">
      <button type="button" className="button" onClick={() => window.print()}>
        {t('dash.print')}
      </button>
      {mayExport && (
        <>
          <a className="button" href={reportPdfUrl(filter, formatLanguage(language))} download>
            {t('dash.downloadPdf')}
          </a>
          <button type="button" className="button" onClick={savePng} disabled={saving} aria-busy={saving}>
            {saving ? t('dash.savingPng') : t('dash.downloadPng')}
          </button>
        </>
      )}
      {failed && (
        <span role="alert" className="dashboard-actions__error">
          {t('dash.pngFailed')}
        </span>
      )}
    </div>
  )
}
