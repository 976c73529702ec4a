// Entry point: styles (maplibre's own, then the app's shared ones) and the React root: the language, then the
// session, then (once the session allows) the app with its query cache and router.
import './map/maplibre.css'
import './styles.css'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { createQueryClient } from './api/query-client.ts'
import { NotFoundPage } from './features/not-found/not-found-page.tsx'
import { AccessGate } from './features/session/access-gate.tsx'
import { SessionProvider } from './features/session/session-context.tsx'
import { I18nProvider } from './i18n/i18n-context.tsx'
import { isAppPath } from './routing/app-path.ts'
import { createAtlasHistory } from './routing/hash-history.ts'
import { createAtlasRouter } from './routing/router.tsx'

// One history for the page's life: a router made afresh after a sign-in goes on from where the page is.
const history = createAtlasHistory()

/** One cache and one router for what the caller may read: a sign-in that changes it starts both afresh. */
function AtlasApp() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAtlasRouter(queryClient, history))
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const { pathname } = window.location

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {isAppPath(pathname) ? (
        <SessionProvider>
          <AccessGate>{(readScope) => <AtlasApp key={readScope} />}</AccessGate>
        </SessionProvider>
      ) : (
        <NotFoundPage path={pathname} />
      )}
    </I18nProvider>
  </StrictMode>,
)
