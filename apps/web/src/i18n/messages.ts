// The one translation table of the web app: every user-visible string, Simplified Chinese first, English second,
// gathered from one file per namespace in messages/ (coded values keep their words in packages/domain).

import { accountMessages } from './messages/account.ts'
import { adminMessages } from './messages/admin.ts'
import { appMessages } from './messages/app.ts'
import { dashMessages } from './messages/dash.ts'
import { detailsMessages } from './messages/details.ts'
import { editMessages } from './messages/edit.ts'
import { exchangeMessages } from './messages/exchange.ts'
import { mapMessages } from './messages/map.ts'

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'zh-CN'

const namespaces = [
  appMessages,
  mapMessages,
  detailsMessages,
  editMessages,
  dashMessages,
  exchangeMessages,
  accountMessages,
  adminMessages,
] as const

const zhCN = {
  ...appMessages.zh,
  ...mapMessages.zh,
  ...detailsMessages.zh,
  ...editMessages.zh,
  ...dashMessages.zh,
  ...exchangeMessages.zh,
  ...accountMessages.zh,
  ...adminMessages.zh,
}

/** Every key of the table, from the Chinese words: a key used in the code but in no namespace is a type error. */
export type MessageKey = keyof typeof zhCN

// Typed by the Chinese keys: a namespace left out here is a type error, not a blank label.
const en: Record<MessageKey, string> = {
  ...appMessages.en,
  ...mapMessages.en,
  ...detailsMessages.en,
  ...editMessages.en,
  ...dashMessages.en,
  ...exchangeMessages.en,
  ...accountMessages.en,
  ...adminMessages.en,
}

/** The namespaces, for the test that no key is defined in two of them. */
export const messageNamespaces: readonly { zh: Record<string, string> }[] = namespaces

export const messages: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

/** The endonym of each language, shown on the toggle in its own language whatever the interface language. */
export const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' }

export type MessageParams = Record<string, string | number>

/** Look a key up and fill its `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = messages[language][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}
