// The language toggle (简体中文 / English), each name in its own language.
import { useI18n } from '../../i18n/i18n-context.tsx'
import { languageNames, languages } from '../../i18n/messages.ts'

export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n()
  return (
    <fieldset className="language-toggle">
      <legend className="visually-hidden">{t('language.groupLabel')}</legend>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === language}
          onClick={() => setLanguage(lang)}
        >
          {languageNames[lang]}
        </button>
      ))}
    </fieldset>
  )
}
