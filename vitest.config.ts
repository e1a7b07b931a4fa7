import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    globalSetup: ['app/testing/global-setup.ts'],
    setupFiles: ['app/testing/setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // The resilience tests drive real processes on a shared 2-core machine; one retry in CI absorbs a scheduling hiccup, a real fault fails twice.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
  },
})
