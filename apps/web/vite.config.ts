// Vite build and dev server for the web app; the API serves dist/ and answers /api on the same port.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { chunkSizeLimitPlugin } from './vite-plugins/chunk-size.plugin.ts'
import { glyphsPlugin } from './vite-plugins/glyphs.plugin.ts'
import { uiFontPlugin } from './vite-plugins/ui-font.plugin.ts'

/**
 * No script chunk may be larger (kB): maplibre-gl is one minified module of about 1,060 kB that cannot be split,
 * with room for its next versions; every other chunk stays far below. A larger chunk fails the build.
 */
export const chunkSizeLimitKb = 1200

const apiPort = process.env.API_PORT ?? '3000'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), glyphsPlugin(), uiFontPlugin(), chunkSizeLimitPlugin(chunkSizeLimitKb)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map library and the chart library are chunks of their own, cached apart from the app's code (which
    // changes with every release); the dashboard and the pages off the map are loaded when opened (routing/).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/, priority: 20 },
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
    chunkSizeWarningLimit: chunkSizeLimitKb,
  },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}` },
    },
  },
})
