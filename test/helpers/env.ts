// Where the project is, and the environment child commands (npm, the built emulator) get on this machine.
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** This machine's environment, less what npm and vitest add for their own children. */
export function machineEnv (): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] =>
    e[1] !== undefined && !/^(npm_|VITEST|NODE_ENV$|TEST$)/.test(e[0])))
}
