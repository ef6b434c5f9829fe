import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SETTINGS } from '../src/config.js'
import { instructionsOf, projectDockerfile } from './helpers/dockerfile.js'
import { ROOT } from './helpers/env.js'
import { buildTestApp } from './helpers/app.js'

// The README's Docker, CI and tooling examples, checked against the product so they cannot drift from it.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const blocks = (lang: string): string[] => [...readme.matchAll(new RegExp(`^ *\`\`\`${lang}\\n([\\s\\S]*?)^ *\`\`\``, 'gm'))].map((m) => m[1] ?? '')
const yamlBlocks = blocks('yaml').map((text) => parse(text) as unknown)
const settingNames: string[] = Object.values(SETTINGS).map((s) => s.env)

/** Variable names given to the emulator: env/environment/variables of any service whose image or name is it. */
function emulatorVariables (node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return []
  const own = node as Record<string, unknown>
  const isEmulator = [own.image, own.name].some((v) => typeof v === 'string' && v.includes('port-emulator'))
  const vars = isEmulator ? [own.env, own.environment, own.variables].flatMap((v) => Object.keys(v ?? {})) : []
  return [...vars, ...Object.values(own).flatMap(emulatorVariables)]
}

describe('README examples', () => {
  it('has YAML examples that all parse', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4)
  })

  it('has TypeScript examples without syntax errors', () => {
    const errors = blocks('ts').flatMap((code) => ts.transpileModule(code, { reportDiagnostics: true }).diagnostics ?? [])
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  })

  it('gives the emulator only variables it reads', () => {
    const given = [...yamlBlocks.flatMap(emulatorVariables), ...[...readme.matchAll(/(?:^|[\s`(])-e (\w+)=/g)].map((m) => m[1] ?? '')]
    expect(given.filter((name) => !settingNames.includes(name))).toEqual([])
  })

  it("checks health in CI with the image's own health check", () => {
    const healthcheck = instructionsOf(projectDockerfile().at(-1)!, 'HEALTHCHECK').at(-1)?.exec ?? []
    expect(readme).toContain(`--health-cmd "${healthcheck.join(' ')}"`)
  })

  it('calls only routes the emulator serves', async () => {
    const app = await buildTestApp()
    const paths = [...new Set([...readme.matchAll(/(?:localhost|127\.0\.0\.1|port-emulator):7678(\/[^\s'"`)]+)/g)].map((m) => m[1] ?? ''))]
    const unserved: string[] = []
    for (const url of paths) {
      const answers = await Promise.all((['GET', 'POST'] as const).map((method) => app.inject({ method, url })))
      if (answers.every((r) => r.json<{ message?: string }>().message?.startsWith('Route ') === true)) unserved.push(url)
    }
    await app.close()
    expect({ checked: paths.length > 0, unserved }).toEqual({ checked: true, unserved: [] })
  })
})
