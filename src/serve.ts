// Runs the emulator as a server until a signal: listen, print the start line, close gracefully.
import { buildApp } from './app.js'
import type { CliProcess } from './cli.js'
import { startLine } from './cli.js'
import type { Config } from './config.js'
import { createLogger } from './logger.js'

/** How long in-flight work may take to finish after SIGTERM before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 5000

/** Starts the server and resolves with the exit code once it has shut down. */
export async function serve (config: Config, proc: CliProcess, announce: (line: string) => void): Promise<number> {
  const app = buildApp({ config, logger: createLogger(config.logLevel) })
  // Handlers go in before anything is announced: until a listener exists, a signal kills the process outright.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      proc.once('SIGTERM', () => proc.exit(1))
      proc.once('SIGINT', () => proc.exit(1))
      resolve()
    }
    proc.once('SIGTERM', stop)
    proc.once('SIGINT', stop)
  })
  try {
    const url = await app.listen({ port: config.port, host: config.host })
    announce(startLine(url, config, 'embedded default'))
  } catch (error) {
    announce(`port-emulator: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`)
    return 1
  }
  await stopped
  const force = setTimeout(() => proc.exit(1), SHUTDOWN_GRACE_MS)
  force.unref()
  try {
    await app.close()
    return 0
  } catch {
    return 1
  }
}
