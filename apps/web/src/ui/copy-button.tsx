// Copies a secret or a command to the clipboard, and says so. Where the Clipboard API is missing (a page served
// over plain HTTP on another host), the text is selected so Ctrl+C copies it.
import { useState } from 'react'
import { useI18n } from '../i18n/i18n-context.tsx'

export function CopyButton({ text, targetId }: { text: string; targetId?: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      const target = targetId ? document.getElementById(targetId) : null
      if (target) window.getSelection()?.selectAllChildren(target)
      setState('select')
    }
  }
  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={copy}>
        {t('common.copy')}
      </button>
      <span role="status" className="copy-button__status">
        {state === 'copied' && t('common.copied')}
        {state === 'select' && t('common.copySelect')}
      </span>
    </span>
  )
}
