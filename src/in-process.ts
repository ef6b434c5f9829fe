// startEmulator(): the emulator inside a test suite's own process, with handles for what tests need.
import type { Logger } from 'pino'
import { buildApp, type App } from './app.js'
import type { Config } from './config.js'
import { orgFor } from './control/org.js'
import type { Emulator } from './emulator.js'
import type { Delivery } from './schemas/delivery.js'
import type { Seed } from './schemas/seed.js'
import { resetToSeed } from './seed/reset.js'
import { initialise } from './startup.js'
import { restoreSnapshot, takeSnapshot, type Snapshot } from './store/snapshot.js'
import type { DeliveryFilter } from './store/deliveries.js'

export interface StartEmulatorOptions {
  /** A seed file's path, or a seed object; the embedded demo seed when absent. */
  seed?: string | Seed
  /** Listen port; 0 (the default) picks a free one. */
  port?: number
  host?: string
  /** Any other setting, as in `port-emulator --help`. */
  config?: Partial<Config>
  /** A pino logger; the emulator logs nothing without one. */
  logger?: Logger
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`: use it where Port's API URL goes. */
  url: string
  /** Credentials and id of the seed's first organization. */
  clientId: string
  clientSecret: string
  orgId: string
  app: App
  emulator: Emulator
  /** An access token for the given credentials (default: the first organization's). */
  token: (clientId?: string, clientSecret?: string) => Promise<string>
  /** Back to the seeded state: everything, or one organization. */
  reset: (orgId?: string) => Promise<void>
  snapshot: () => Snapshot
  restore: (snapshot: Snapshot) => void
  deliveries: {
    list: (filter?: DeliveryFilter & { org?: string }) => Delivery[]
    /** The first delivery matching `filter`, as soon as it exists; rejects after `timeoutMs` (default 5000). */
    waitFor: (filter: DeliveryFilter & { org?: string }, options?: { timeoutMs?: number }) => Promise<Delivery>
  }
  clock: { now: () => Date, advance: (ms: number) => void, set: (time: Date | string) => void, reset: () => void }
  close: () => Promise<void>
}

/** Starts an emulator on 127.0.0.1 (a free port by default), seeded and ready. */
export async function startEmulator (options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const app = buildApp({ config: { ...options.config }, ready: false, ...(options.logger !== undefined ? { logger: options.logger } : {}) })
  const url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
  const started = await initialise(app, options.seed)
  if (!started.ok) {
    await app.close()
    throw new Error(`port-emulator could not start:\n${started.errors.join('\n')}`)
  }
  const { emulator } = app
  const first = emulator.orgs.all()[0]
  if (first === undefined) throw new Error('port-emulator started without an organization')
  const journal = (filter: { org?: string, runId?: string }) => orgFor(emulator, filter.org, filter.runId).deliveries
  return {
    url,
    clientId: first.org.clientId,
    clientSecret: first.org.clientSecret,
    orgId: first.org.id,
    app,
    emulator,
    token: async (clientId = first.org.clientId, clientSecret = first.org.clientSecret) => {
      const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId, clientSecret } })
      if (response.statusCode !== 200) throw new Error(`no token for ${clientId}: ${response.body}`)
      return response.json<{ accessToken: string }>().accessToken
    },
    reset: async (orgId) => { await resetToSeed(app, orgId) },
    snapshot: () => takeSnapshot(emulator.orgs),
    restore: (snapshot) => { restoreSnapshot(emulator.orgs, snapshot); emulator.changed() },
    deliveries: {
      list: (filter = {}) => journal(filter).list(filter),
      waitFor: async (filter, { timeoutMs = 5000 } = {}) => {
        const found = await journal(filter).waitFor(filter, timeoutMs)
        if (found[0] === undefined) throw new Error(`no delivery matching ${JSON.stringify(filter)} within ${timeoutMs} ms`)
        return found[0]
      },
    },
    clock: {
      now: () => new Date(emulator.clock.now()),
      advance: (ms) => emulator.clock.advance(ms),
      set: (time) => emulator.clock.set(new Date(time).getTime()),
      reset: () => emulator.clock.reset(),
    },
    close: async () => { await app.close() },
  }
}
