import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  // The README's example imports the package by name, as a user's suite does; here it is the sources.
  resolve: { alias: { 'port-emulator': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The release checks install from the npm registry; `npm run test:release` runs them (see .ci/run).
    exclude: [...configDefaults.exclude, 'test/release/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
