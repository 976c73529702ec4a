// Words for coded values (status, category, funding source…) and the import's reasons come from packages/domain, in
// the interface language.
import {
  type FormatLanguage,
  type ImportReason,
  type ImportTarget,
  importReasonText,
  type Label,
} from '@renewal-atlas/domain'
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

/**
 * The sentence of an import reason (a feature's issue, the detected coordinate system) in the interface language,
 * from the domain's one table of reason words; `target` names fields and coded values in their words.
 */
export function reasonIn(
  data: { reason: ImportReason; params: unknown },
  language: Language,
  target?: ImportTarget,
): string {
  return importReasonText(data, formatLanguage(language), target)
}
