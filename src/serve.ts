// Runs the emulator as a server until a signal: listen, print the start line, close gracefully.
import { buildApp } from './app.js'
import type { CliProcess } from './cli.js'
import { startLine } from './cli.js'
import type { Config } from './config.js'
import { createLogger } from './logger.js'
import { initialise } from './startup.js'

/** How long in-flight requests and onClose work may take after the first signal before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 5000

// A second signal exits the way a shell reports a process killed by it: 128 + the signal's number.
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/** Starts the server and resolves with the exit code once it has shut down. */
export async function serve (config: Config, proc: CliProcess, announce: (line: string) => void): Promise<number> {
  const app = buildApp({ config, logger: createLogger(config.logLevel), ready: false })
  let url: string
  try {
    url = await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    announce(`port-emulator: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`)
    return 1
  }
  // Listening for signals before saying we are up: whoever waits for the start line may signal right away.
  const stopped = closeOnSignal(app, proc, announce)
  const started = await initialise(app)
  if (!started.ok) {
    announce(`port-emulator: cannot start:\n${started.errors.map((e) => `  - ${e}`).join('\n')}`)
    app.emulator.persistence = undefined
    await app.close()
    return 2
  }
  announce(startLine(url, config, started.source))
  return stopped
}

/** What closeOnSignal needs of the app: Fastify's close(), and its server to tell when listening stops. */
export interface Closable {
  close: () => PromiseLike<unknown>
  server?: { listening: boolean }
}

/**
 * Waits for SIGTERM or SIGINT, then closes `app`: no new connections, requests in flight finish, onClose hooks run.
 * Resolves 0 once closed (1 if closing failed). A second signal exits at once; so does the grace period running out.
 */
export function closeOnSignal (app: Closable, proc: CliProcess, announce: (line: string) => void, graceMs = SHUTDOWN_GRACE_MS): Promise<number> {
  return new Promise<number>((resolve) => {
    let closed = false
    let stopping = false
    const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
      if (stopping) {
        announce(`port-emulator: ${signal} again, exiting now`)
        proc.exit(SIGNAL_EXIT_CODES[signal])
        return
      }
      stopping = true
      // Unref'd: a clean close lets the process end on its own. It still fires if something holds the event loop.
      setTimeout(() => {
        if (!closed) announce(`port-emulator: work still in flight after ${graceMs} ms, exiting anyway`)
        proc.exit(closed ? 0 : 1)
      }, graceMs).unref()
      const closing = app.close()
      // Said once the listener is gone (a few ticks into close()), so whoever reads it can rely on it.
      let told = false
      const tell = (): void => {
        if (told) return
        if (app.server?.listening === true) { setImmediate(tell); return }
        told = true
        announce(`port-emulator: ${signal} received: no new connections, finishing work in flight (up to ${graceMs} ms); send ${signal} again to exit now`)
      }
      tell()
      closing.then(() => {
        tell()
        closed = true
        announce('port-emulator: stopped')
        resolve(0)
      }, (error: unknown) => {
        announce(`port-emulator: shutdown failed: ${(error as Error).message}`)
        resolve(1)
      })
    }
    proc.on('SIGTERM', () => onSignal('SIGTERM'))
    proc.on('SIGINT', () => onSignal('SIGINT'))
  })
}
