import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import path from 'node:path'
import { defineConfig } from 'vite'

/**
 * Small modules the campaign page shares with other pages, in one chunk instead of five (Rollup adds
 * React's runtime, which they import, to it): each chunk costs its own import/export wrapper and request,
 * and the page has a 120 KB budget (measured by e2e/nadia-finds-her-constituency-on-the-map.spec.ts).
 */
const CAMPAIGN_PAGE_SHARED = ['/app/lib/format.ts', '/app/lib/honeypot.ts', '/app/share/share-meta.ts', '/app/components/text-field.tsx', '/app/petition/sign-form.tsx', '/app/campaign/help-lines.tsx']

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  build: {
    assetsInlineLimit: 0,
    // Terser's second pass shrinks the client's React and router code by a few kB more than esbuild
    // (measured in docs/performance.md), which keeps the campaign page inside its script budget.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    rollupOptions: {
      output: {
        manualChunks: (id) => (CAMPAIGN_PAGE_SHARED.some((file) => id.endsWith(file)) ? 'campaign-page-shared' : undefined),
      },
    },
  },
})
