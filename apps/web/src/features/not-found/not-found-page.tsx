// A page that does not exist (a path other than the start page): says so in the interface's language, with the way
// to the map. The server answers such a path 404 with the app, which shows this instead of the map.
import { useI18n } from '../../i18n/i18n-context.tsx'
import { GatePage } from '../session/access-gate.tsx'

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n()
  return (
    <GatePage title={t('notFound.title')}>
      <p data-testid="not-found">{t('notFound.text', { path })}</p>
      <a className="button button--primary" href="/">
        {t('notFound.open')}
      </a>
    </GatePage>
  )
}
