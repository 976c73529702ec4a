// Entry point: styles (maplibre's own CSS bundled from the package, then the app's) and the React root.
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { I18nProvider } from './i18n/i18n-context.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
)
