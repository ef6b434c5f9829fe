// The npm tarball as a user gets it: installed into an empty folder, run through npx, imported and type-checked.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERSION } from '../../src/version.js'
import { runProcess } from '../helpers/cli.js'
import { ROOT, machineEnv } from '../helpers/env.js'
import { pack } from '../helpers/pack.js'

let folder: string
let consumer: string

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'port-emulator-package-'))
  const tarball = join(folder, pack({ destination: folder }).filename)
  // No package.json here or above: npm makes the folder a project of its own, as in a user's empty folder.
  consumer = join(folder, 'consumer')
  mkdirSync(consumer)
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: consumer, env: machineEnv(), stdio: 'ignore' })
})

afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('the packed tarball, installed into an empty folder', () => {
  it('runs through npx port-emulator --version', async () => {
    // --no: fail rather than fetch a package of that name from the registry; --: the flag is the command's.
    const { code, stdout } = await runProcess('npx', ['--no', '--', 'port-emulator', '--version'], { cwd: consumer, env: machineEnv() })
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${VERSION}\n` })
  })

  it('exports the app factory to ESM importers', async () => {
    const script = "const { buildApp, VERSION } = await import('port-emulator'); const app = buildApp(); " +
      "const r = await app.inject('/_emulator/health'); console.log(VERSION, r.statusCode); await app.close()"
    const { stdout } = await runProcess(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env: machineEnv() })
    expect(stdout).toBe(`${VERSION} 200\n`)
  })

  it('ships types a strict TypeScript consumer compiles against', async () => {
    writeFileSync(join(consumer, 'check.ts'), [
      "import { buildApp, loadConfig, type Config } from 'port-emulator'",
      'const result = loadConfig({ PORT: "0" }, [])',
      'const config: Config | undefined = result.ok ? result.config : undefined',
      'export const app = buildApp({ config: config ?? {} })',
      'export const port: number = app.emulator.config.port',
    ].join('\n'))
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'check.ts']
    const { code, stdout } = await runProcess(process.execPath, [tsc, ...args], { cwd: consumer, env: machineEnv() })
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' })
  })
})
