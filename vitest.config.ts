import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The release checks install from the npm registry; `npm run test:release` runs them (see .ci/run).
    exclude: [...configDefaults.exclude, 'test/release/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
