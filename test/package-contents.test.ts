import { describe, expect, it } from 'vitest'
import { entryPoints, pack } from './helpers/pack.js'

// The listing comes from the current dist/ (npm ci builds it); --ignore-scripts keeps this offline and quick.
const files = pack({ dryRun: true }).files.map((f) => f.path)

describe('npm pack', () => {
  it('lists no tests, fixtures, sources or source maps', () => {
    const unwanted = files.filter((f) => /(^|\/)(test|tests|__tests__|fixtures?|src|scripts|bench)\/|\.test\.|\.map$|\.tsbuildinfo$/.test(f))
    expect(unwanted).toEqual([])
  })

  it('holds only the compiled output, the OpenAPI document, examples and the package docs', () => {
    const others = files.filter((f) => !/^(dist\/.+\.(js|d\.ts)|examples\/.+|openapi\.yaml|package\.json|README\.md|LICENSE)$/.test(f))
    expect(others).toEqual([])
  })

  it('holds every file the bin, main, types and exports entries name', () => {
    expect(entryPoints().filter((p) => !files.includes(p))).toEqual([])
  })
})
