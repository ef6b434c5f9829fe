// `npm pack` from the test suites: what the package would hold, and the tarball itself.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, machineEnv } from './env.js'

export interface PackageJson {
  version: string
  bin: Record<string, string>
  main: string
  types: string
  exports: Record<string, string | Record<string, string>>
  devDependencies: Record<string, string>
}

export const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson

interface PackResult { filename: string, files: Array<{ path: string }>, size: number, unpackedSize: number }

/** Packs the project (with `prepare`, so from a fresh build) into `destination` unless `dryRun`. */
export function pack (options: { dryRun: true } | { destination: string }): PackResult {
  const args = 'dryRun' in options
    ? ['pack', '--dry-run', '--json', '--ignore-scripts']
    : ['pack', '--json', '--pack-destination', options.destination]
  const json = execFileSync('npm', args, { cwd: ROOT, env: machineEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return (JSON.parse(json) as PackResult[])[0] as PackResult
}

/** Every file the package.json entry points name: bin, main, types and each export condition. */
export function entryPoints (pkg: PackageJson = packageJson): string[] {
  const exported = Object.values(pkg.exports).flatMap((e) => typeof e === 'string' ? [e] : Object.values(e))
  return [...Object.values(pkg.bin), pkg.main, pkg.types, ...exported].map((p) => p.replace(/^\.\//, ''))
}
