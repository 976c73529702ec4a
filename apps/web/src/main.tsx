// Entry point: styles (maplibre's own CSS bundled from the package, then the app's) and the React root: the
// language, then the session, then (once the session allows) the app.
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { AccessGate } from './features/session/access-gate.tsx'
import { SessionProvider } from './features/session/session-context.tsx'
import { I18nProvider } from './i18n/i18n-context.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <AccessGate>{(readScope) => <App key={readScope} />}</AccessGate>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
)
