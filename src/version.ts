// The package version, read once from package.json so the CLI, headers and health route agree.
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

/** The emulator's version as published in package.json. */
export const VERSION: string = pkg.version
