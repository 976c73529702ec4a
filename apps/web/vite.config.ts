// Vite build and dev server for the web app; the API serves dist/ and answers /api on the same port.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { glyphsPlugin } from './vite-plugins/glyphs.plugin.ts'
import { uiFontPlugin } from './vite-plugins/ui-font.plugin.ts'

const apiPort = process.env.API_PORT ?? '3000'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), glyphsPlugin(), uiFontPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl alone is about 1 MB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}` },
    },
  },
})
