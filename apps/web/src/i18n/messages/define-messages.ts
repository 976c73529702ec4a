// One namespace of the translation table: its Chinese words, and English words for exactly the same keys (a key
// missing from either, or only in English, is a type error).
export function defineMessages<const Zh extends Record<string, string>>(
  zh: Zh,
  en: { readonly [K in keyof Zh]: string },
): { zh: Zh; en: { readonly [K in keyof Zh]: string } } {
  return { zh, en }
}
