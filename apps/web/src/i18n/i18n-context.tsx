// The interface language as React state: the provider keeps <html lang> and the page title in step with it, and
// gives the domain's number format of the language (packages/domain/src/format), the one way numbers are written.
import { type NumberFormat, numberFormat } from '@renewal-atlas/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { formatLanguage } from './domain-labels.ts'
import {
  defaultLanguage,
  isLanguage,
  type Language,
  type MessageKey,
  type MessageParams,
  translate,
} from './messages.ts'

const storageKey = 'renewal-atlas.language'

export interface I18n {
  language: Language
  setLanguage: (language: Language) => void
  t: (key: MessageKey, params?: MessageParams) => string
  /** Counts, money, areas, percentages and changes as the dashboard, the tables and the PDF write them. */
  numbers: NumberFormat
  /** A plain number: thousands separators, up to three decimals (file sizes, widths in metres). */
  formatNumber: (value: number) => string
}

const I18nContext = createContext<I18n | null>(null)

function readStoredLanguage(): Language {
  // A shared link's language wins over the one this browser remembers.
  const fromUrl = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('lang')
  if (isLanguage(fromUrl)) return fromUrl
  try {
    const stored = window.localStorage.getItem(storageKey)
    return isLanguage(stored) ? stored : defaultLanguage
  } catch {
    // Storage can be disabled (private mode, policy); the default language is then the right answer.
    return defaultLanguage
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage)

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next)
    try {
      window.localStorage.setItem(storageKey, next)
    } catch {
      // Not remembering the choice is acceptable; the toggle still works for this visit.
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = language
    document.title = translate(language, 'app.name')
  }, [language])

  const value = useMemo<I18n>(() => {
    const numbers = numberFormat(formatLanguage(language))
    return {
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      numbers,
      formatNumber: (n) => numbers.decimal(n, 3),
    }
  }, [language, setLanguage])

  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n() must be used inside <I18nProvider>')
  return i18n
}
