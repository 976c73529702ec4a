// Words for coded values (status, category, funding source…) come from packages/domain, in the interface language.
import type { FormatLanguage, Label } from '@renewal-atlas/domain'
import type { Language } from './messages.ts'

/** The label of a coded value in the language, or the code itself when the table does not know it. */
export function domainLabel(labels: Record<string, Label>, value: string, language: Language): string {
  const label = labels[value]
  if (!label) return value
  return language === 'zh-CN' ? label.zh : label.en
}

/** Words in the interface language. */
export function labelIn(label: Label, language: Language): string {
  return language === 'zh-CN' ? label.zh : label.en
}

/** The domain's language code (zh, en) of an interface language: for numbers, downloads and the PDF. */
export function formatLanguage(language: Language): FormatLanguage {
  return language === 'en' ? 'en' : 'zh'
}
