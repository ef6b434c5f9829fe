// `npm run test:release`: what is built for users (the Docker image's runtime stage, the npm tarball), checked
// from a production install in a temporary folder. Needs the npm registry (or a warm npm cache), unlike `npm test`.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    testTimeout: 60_000,
    // Building and installing the image's stages and the tarball happens in beforeAll.
    hookTimeout: 600_000,
  },
})
