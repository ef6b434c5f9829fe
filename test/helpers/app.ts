// buildTestApp(): a fresh app per test with a fixed clock, predictable ids and a known token key.
import { buildApp, type App, type AppOptions } from '../../src/app.js'
import { fixedClock, type VirtualClock } from '../../src/clock.js'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../src/config.js'
import { sequentialIds } from '../../src/ids.js'
import { noDelivery } from '../../src/domain/run-events.js'

export const TEST_START = Date.parse('2024-01-01T00:00:00.000Z')
export const TEST_KEY = Buffer.alloc(32, 7)

export interface TestApp extends App {
  clock: VirtualClock
}

export interface TestAppOptions extends AppOptions {
  /** Deliver runs to their runners; off by default so tests of other rooms send nothing. */
  delivery?: boolean
}

/** A ready app on a clock fixed at TEST_START; close it in afterEach. */
export async function buildTestApp (options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? fixedClock(TEST_START)
  const app = buildApp({ clock, ids: sequentialIds(), tokenKey: TEST_KEY, ...options })
  if (options.delivery !== true) app.emulator.runListener = noDelivery
  await app.ready()
  return Object.assign(app, { clock })
}

/** An access token for the given (default: demo) credentials. */
export async function tokenFor (app: App, clientId = DEMO_CLIENT_ID, clientSecret = DEMO_CLIENT_SECRET): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId, clientSecret } })
  if (response.statusCode !== 200) throw new Error(`token request failed: ${response.body}`)
  return response.json<{ accessToken: string }>().accessToken
}

/** `Authorization` headers for the demo organization. */
export async function authHeaders (app: App, clientId?: string, clientSecret?: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenFor(app, clientId, clientSecret)}` }
}
